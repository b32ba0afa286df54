/**
 * The filtering parameters of the ASIM unifying filtering parsers (`im<Schema>` and the built-in
 * `_Im_<Schema>`), by workspace parser name, in the same `name:type=default` list form as the
 * reference CSV's `parser_params`.
 *
 * Why this table exists: tables/asim_parsers.csv describes each parser by its parameter-less
 * `ASim*` row, so its `parser_params` holds only `pack`/`disabled`. The filtering variants take
 * the schema's filter parameters as well (`_Im_Dns(domain_has_any=...)`, `imNetworkSession
 * (starttime=...)`), which real content calls and which the CSV does not carry.
 *
 * Source: the `ParserParams` of each filtering parser's definition in Azure/Azure-Sentinel,
 * Parsers/ASim<Schema>/Parsers/im<Name>.yaml (newest versions read in 2026: AgentEvent and
 * AssetEntity 0.1.0, AlertEvent 0.1.0, AuditEvent 0.1.1, Authentication 0.3.2, DhcpEvent 0.1.0,
 * Dns 0.5, FileEvent 0.2.1, NetworkSession 0.6, ProcessEvent/Create/Terminate 0.1.2, Registry
 * 0.1.3, UserManagement 0.1.2, WebSession 0.6.1), which match the "Filtering parser parameters"
 * tables of the ASIM schema pages on learn.microsoft.com. When the reference gains a schema this
 * table lacks, the generator says so and types that parser with its CSV parameters only.
 */
export const ASIM_FILTERING_PARAMETERS: Readonly<Record<string, string>> = {
  imAgentEvent:
    'starttime:datetime=datetime(null);endtime:datetime=datetime(null);agentid_has_any:dynamic=dynamic([]);' +
    'agentname_has_any:dynamic=dynamic([]);username_has_any:dynamic=dynamic([]);pack:bool=false',
  imAlertEvent:
    'starttime:datetime=datetime(null);endtime:datetime=datetime(null);ipaddr_has_any_prefix:dynamic=dynamic([]);' +
    'hostname_has_any:dynamic=dynamic([]);username_has_any:dynamic=dynamic([]);attacktactics_has_any:dynamic=dynamic([]);' +
    'attacktechniques_has_any:dynamic=dynamic([]);threatcategory_has_any:dynamic=dynamic([]);' +
    'alertverdict_has_any:dynamic=dynamic([]);eventseverity_has_any:dynamic=dynamic([]);pack:bool=false',
  imAssetEntity:
    "starttime:datetime=datetime(null);endtime:datetime=datetime(null);entityid_has_any:dynamic=dynamic([]);" +
    "entityname_has_any:dynamic=dynamic([]);assettype_in:string='*';path_has_any:dynamic=dynamic([]);" +
    'assetowner_has_any:dynamic=dynamic([]);entitysource_has_any:dynamic=dynamic([]);pack:bool=false',
  imAuditEvent:
    'starttime:datetime=datetime(null);endtime:datetime=datetime(null);srcipaddr_has_any_prefix:dynamic=dynamic([]);' +
    'actorusername_has_any:dynamic=dynamic([]);operation_has_any:dynamic=dynamic([]);eventtype_in:dynamic=dynamic([]);' +
    "eventresult:string='*';object_has_any:dynamic=dynamic([]);newvalue_has_any:dynamic=dynamic([]);pack:bool=false",
  imAuthentication:
    'starttime:datetime=datetime(null);endtime:datetime=datetime(null);username_has_any:dynamic=dynamic([]);' +
    'targetappname_has_any:dynamic=dynamic([]);srcipaddr_has_any_prefix:dynamic=dynamic([]);' +
    'srchostname_has_any:dynamic=dynamic([]);eventtype_in:dynamic=dynamic([]);eventresultdetails_in:dynamic=dynamic([]);' +
    "eventresult:string='*';pack:bool=false",
  imDhcpEvent:
    'starttime:datetime=datetime(null);endtime:datetime=datetime(null);srcipaddr_has_any_prefix:dynamic=dynamic([]);' +
    "srchostname_has_any:dynamic=dynamic([]);srcusername_has_any:dynamic=dynamic([]);eventresult:string='*';" +
    'disabled:bool=false;pack:bool=false',
  imDns:
    "starttime:datetime=datetime(null);endtime:datetime=datetime(null);srcipaddr:string='*';" +
    "domain_has_any:dynamic=dynamic([]);responsecodename:string='*';response_has_ipv4:string='*';" +
    "response_has_any_prefix:dynamic=dynamic([]);eventtype:string='lookup';pack:bool=false",
  imFileEvent:
    'starttime:datetime=datetime(null);endtime:datetime=datetime(null);eventtype_in:dynamic=dynamic([]);' +
    'srcipaddr_has_any_prefix:dynamic=dynamic([]);actorusername_has_any:dynamic=dynamic([]);' +
    'targetfilepath_has_any:dynamic=dynamic([]);srcfilepath_has_any:dynamic=dynamic([]);hashes_has_any:dynamic=dynamic([]);' +
    'dvchostname_has_any:dynamic=dynamic([]);disabled:bool=false;pack:bool=false',
  imNetworkSession:
    'starttime:datetime=datetime(null);endtime:datetime=datetime(null);srcipaddr_has_any_prefix:dynamic=dynamic([]);' +
    'dstipaddr_has_any_prefix:dynamic=dynamic([]);ipaddr_has_any_prefix:dynamic=dynamic([]);dstportnumber:int=int(null);' +
    "hostname_has_any:dynamic=dynamic([]);dvcaction:dynamic=dynamic([]);eventresult:string='*';pack:bool=false",
  imProcessEvent:
    'starttime:datetime=datetime(null);endtime:datetime=datetime(null);commandline_has_any:dynamic=dynamic([]);' +
    'commandline_has_all:dynamic=dynamic([]);commandline_has_any_ip_prefix:dynamic=dynamic([]);' +
    'actingprocess_has_any:dynamic=dynamic([]);targetprocess_has_any:dynamic=dynamic([]);' +
    "parentprocess_has_any:dynamic=dynamic([]);actorusername:string='*';targetusername:string='*';" +
    'dvcipaddr_has_any_prefix:dynamic=dynamic([]);dvcname_has_any:dynamic=dynamic([]);hashes_has_any:dynamic=dynamic([]);' +
    "eventtype:string='*'",
  imProcessCreate:
    'starttime:datetime=datetime(null);endtime:datetime=datetime(null);commandline_has_any:dynamic=dynamic([]);' +
    'commandline_has_all:dynamic=dynamic([]);commandline_has_any_ip_prefix:dynamic=dynamic([]);' +
    'actingprocess_has_any:dynamic=dynamic([]);targetprocess_has_any:dynamic=dynamic([]);' +
    "parentprocess_has_any:dynamic=dynamic([]);targetusername:string='*';dvcipaddr_has_any_prefix:dynamic=dynamic([]);" +
    "dvcname_has_any:dynamic=dynamic([]);hashes_has_any:dynamic=dynamic([]);eventtype:string='*'",
  imProcessTerminate:
    'starttime:datetime=datetime(null);endtime:datetime=datetime(null);commandline_has_any:dynamic=dynamic([]);' +
    'commandline_has_all:dynamic=dynamic([]);commandline_has_any_ip_prefix:dynamic=dynamic([]);' +
    'actingprocess_has_any:dynamic=dynamic([]);targetprocess_has_any:dynamic=dynamic([]);' +
    "parentprocess_has_any:dynamic=dynamic([]);actorusername:string='*';dvcipaddr_has_any_prefix:dynamic=dynamic([]);" +
    "dvcname_has_any:dynamic=dynamic([]);eventtype:string='*'",
  imRegistry:
    'starttime:datetime=datetime(null);endtime:datetime=datetime(null);eventtype_in:dynamic=dynamic([]);' +
    'actorusername_has_any:dynamic=dynamic([]);registrykey_has_any:dynamic=dynamic([]);' +
    'registryvalue_has_any:dynamic=dynamic([]);registrydata_has_any:dynamic=dynamic([]);' +
    'dvchostname_has_any:dynamic=dynamic([]);disabled:bool=false;pack:bool=false',
  imUserManagement:
    'starttime:datetime=datetime(null);endtime:datetime=datetime(null);srcipaddr_has_any_prefix:dynamic=dynamic([]);' +
    'targetusername_has_any:dynamic=dynamic([]);actorusername_has_any:dynamic=dynamic([]);' +
    'eventtype_in:dynamic=dynamic([]);pack:bool=false',
  imWebSession:
    'starttime:datetime=datetime(null);endtime:datetime=datetime(null);srcipaddr_has_any_prefix:dynamic=dynamic([]);' +
    'ipaddr_has_any_prefix:dynamic=dynamic([]);url_has_any:dynamic=dynamic([]);httpuseragent_has_any:dynamic=dynamic([]);' +
    "eventresultdetails_in:dynamic=dynamic([]);eventresult:string='*';eventresultdetails_has_any:dynamic=dynamic([]);" +
    'disabled:bool=false;pack:bool=false',
};
