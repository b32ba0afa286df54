import { defineWatchlist } from 'sentinel-cac';

/** OIDC issuers a federated credential may trust. */
export const ficTrustedIssuers = defineWatchlist({
  alias: 'FicTrustedIssuers',
  displayName: 'FIC: trusted issuers',
  description:
    'Issuer URLs that federated identity credentials on user-assigned managed identities may trust (for example GitHub Actions, your AKS OIDC issuers). Read by the hunting query for credentials with untrusted issuers.',
  columns: { Issuer: 'string', Description: 'string' },
  searchKey: 'Issuer',
  rows: './fic-trusted-issuers.csv',
  tags: ['federated-credentials'],
});
