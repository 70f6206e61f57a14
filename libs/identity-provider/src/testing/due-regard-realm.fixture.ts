// The realm export as checked in, bundled as a module (a dynamic import keeps the JSON import attribute through SWC).
const realmModule = await import('../../../../infra/keycloak/due-regard-realm.json', { with: { type: 'json' } });

export const DUE_REGARD_REALM_EXPORT: unknown = realmModule.default;
