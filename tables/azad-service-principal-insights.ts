import { defineCustomTable } from 'sentinel-cac';

/**
 * The table AzADServicePrincipalInsights (AzADSPI, by Julian Hayward) ingests into Log Analytics:
 * one row per service principal per run, with its credentials, owners and role assignments as JSON.
 * Only the columns the shipped hunting queries read are typed precisely; the JSON columns are dynamic.
 */
export const azADServicePrincipalInsights = defineCustomTable({
  name: 'AzADServicePrincipalInsights_CL',
  description: 'Service principal inventory exported by AzADServicePrincipalInsights (AzADSPI).',
  columns: {
    TimeGenerated: 'datetime',
    ObjectId: 'string',
    ObjectType: 'string',
    SP: 'dynamic',
    APP: 'dynamic',
    ManagedIdentity: 'dynamic',
    SPOwners: 'dynamic',
    SPOwnedObjects: 'dynamic',
    SPAADRoleAssignments: 'dynamic',
    SPAppRoleAssignments: 'dynamic',
    SPAppRoleAssignedTo: 'dynamic',
    SPOauthPermissionGrants: 'dynamic',
    SPAzureRoleAssignments: 'dynamic',
    SPGroupMemberships: 'dynamic',
    ManagedIdentityFederatedIdentityCredentials: 'dynamic',
  },
});
