import { defineWatchlist } from 'sentinel-cac';

/** Azure RBAC roles whose holders may add federated credentials (the role that authorized the write). */
export const ficAuthorizedRoles = defineWatchlist({
  alias: 'FicAuthorizedRoles',
  displayName: 'FIC: authorized RBAC roles',
  description:
    'Azure RBAC role names that are expected to add federated identity credentials. The role is taken from the authorization evidence of the AzureActivity write (Authorization_d.evidence.role).',
  columns: { RoleName: 'string', Justification: 'string' },
  searchKey: 'RoleName',
  rows: './fic-authorized-roles.csv',
  tags: ['federated-credentials'],
});
