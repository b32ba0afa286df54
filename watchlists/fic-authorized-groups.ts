import { defineWatchlist } from 'sentinel-cac';

/** Entra ID groups whose members may add federated credentials (matched through IdentityInfo). */
export const ficAuthorizedGroups = defineWatchlist({
  alias: 'FicAuthorizedGroups',
  displayName: 'FIC: authorized groups',
  description:
    'Display names of Entra ID groups whose members may add federated identity credentials to user-assigned managed identities. Membership is read from IdentityInfo.GroupMembership (UEBA).',
  columns: { GroupName: 'string', Justification: 'string' },
  searchKey: 'GroupName',
  rows: './fic-authorized-groups.csv',
  tags: ['federated-credentials'],
});
