import { defineWatchlist } from 'sentinel-cac';

/** Managed identities under investigation, for the token-UTI pivot hunting query. */
export const ficInvestigatedIdentities = defineWatchlist({
  alias: 'FicInvestigatedIdentities',
  displayName: 'FIC: managed identities under investigation',
  description:
    'Display names or service principal (object) ids of user-assigned managed identities whose tokens are being traced from AADManagedIdentitySignInLogs to AzureActivity.',
  columns: { Identity: 'string', Case: 'string' },
  searchKey: 'Identity',
  rows: './fic-investigated-identities.csv',
  tags: ['federated-credentials'],
});
