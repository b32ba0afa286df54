import { defineWatchlist } from 'sentinel-cac';

/** Principals allowed to add federated credentials to user-assigned managed identities. */
export const ficAuthorizedActors = defineWatchlist({
  alias: 'FicAuthorizedActors',
  displayName: 'FIC: authorized actors',
  description:
    'Object ids of users, groups of automation and service principals that may add federated identity credentials (FIC) to user-assigned managed identities. Read by the detection "Unauthorized actor added a federated credential to a user-assigned managed identity".',
  columns: { ObjectId: 'guid', DisplayName: 'string', Justification: 'string' },
  searchKey: 'ObjectId',
  rows: './fic-authorized-actors.csv',
  tags: ['federated-credentials'],
});
