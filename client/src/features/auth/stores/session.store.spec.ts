import type { CombinedError } from '@urql/core';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionPersonFragment } from '@/api/graphql';
import { useSessionStore } from './session.store';

// The store talks to the server only through the app's GraphQL client: replace it.
const client = vi.hoisted(() => ({ query: vi.fn(), mutation: vi.fn() }));
const resetGraphqlClient = vi.hoisted(() => vi.fn());
vi.mock('@/app/graphql-client', () => ({ getGraphqlClient: () => client, resetGraphqlClient }));

function answer(result: { data?: unknown; error?: Partial<CombinedError> }) {
  return { toPromise: () => Promise.resolve(result) };
}

function operationName(document: unknown): string {
  const definition = (
    document as { definitions: { kind: string; name?: { value: string } }[] }
  ).definitions.find((d) => d.kind === 'OperationDefinition');
  return definition?.name?.value ?? '';
}

const person: SessionPersonFragment = {
  id: 'p-1',
  name: '최서연',
  email: 'manager@palma.go.kr',
  employeeNumber: 'P0003',
  rank: '4급',
  jobTitle: '감사관',
  locale: 'ko',
  roles: ['EMPLOYEE', 'MANAGER'],
  active: true,
  createdAt: '2026-11-01T00:00:00Z',
  departmentId: 'd-1',
  department: { id: 'd-1', code: 'AUDIT', nameKo: '감사관', nameEn: 'Audit Office' },
};

const invalidCredentials = {
  graphQLErrors: [{ message: 'nope', extensions: { code: 'INVALID_CREDENTIALS' } }],
  networkError: undefined,
} as unknown as CombinedError;

describe('useSessionStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    client.query.mockReset();
    client.mutation.mockReset();
    resetGraphqlClient.mockReset();
  });

  it('load() asks the server (not the cache) and keeps who is signed in', async () => {
    client.query.mockReturnValue(
      answer({
        data: { me: { person, mustChangePassword: false, headedDepartments: [], managedDepartmentIds: [] } },
      }),
    );
    const session = useSessionStore();
    expect(session.loaded).toBe(false);

    await session.load();

    expect(operationName(client.query.mock.calls[0][0])).toBe('Me');
    expect(client.query.mock.calls[0][2]).toMatchObject({ requestPolicy: 'network-only' });
    expect(session.me?.person.name).toBe('최서연');
    expect(session.signedIn).toBe(true);
    expect(session.loaded).toBe(true);
    expect(session.loading).toBe(false);
    expect(session.hasRole('MANAGER')).toBe(true);
    expect(session.hasRole('ADMIN')).toBe(false);
    expect(session.hasAnyRole(['ADMIN', 'MANAGER'])).toBe(true);
  });

  it('load() with no session leaves the viewer signed out', async () => {
    client.query.mockReturnValue(answer({ data: { me: null } }));
    const session = useSessionStore();
    await session.load();
    expect(session.me).toBeNull();
    expect(session.signedIn).toBe(false);
    expect(session.loaded).toBe(true);
  });

  it('a failed load() does not sign anyone out', async () => {
    client.query.mockReturnValueOnce(
      answer({
        data: { me: { person, mustChangePassword: false, headedDepartments: [], managedDepartmentIds: [] } },
      }),
    );
    const session = useSessionStore();
    await session.load();
    client.query.mockReturnValueOnce(
      answer({
        error: { graphQLErrors: [], networkError: new Error('offline') } as unknown as CombinedError,
      }),
    );
    await session.load();
    expect(session.me?.person.id).toBe('p-1');
    expect(session.error?.networkError?.message).toBe('offline');
  });

  it('login() sends the identifier and password and stores the person', async () => {
    client.mutation.mockReturnValue(answer({ data: { login: { person, mustChangePassword: true } } }));
    const session = useSessionStore();

    const ok = await session.login('manager@palma.go.kr', 'palma-demo-2026');

    expect(ok).toBe(true);
    expect(operationName(client.mutation.mock.calls[0][0])).toBe('Login');
    expect(client.mutation.mock.calls[0][1]).toEqual({
      input: { identifier: 'manager@palma.go.kr', password: 'palma-demo-2026' },
    });
    expect(session.me?.mustChangePassword).toBe(true);
    expect(session.error).toBeNull();
  });

  it('a refused login() keeps the viewer signed out and says why', async () => {
    client.mutation.mockReturnValue(answer({ error: invalidCredentials }));
    const session = useSessionStore();

    const ok = await session.login('manager@palma.go.kr', 'wrong');

    expect(ok).toBe(false);
    expect(session.me).toBeNull();
    expect(session.error?.graphQLErrors[0].extensions.code).toBe('INVALID_CREDENTIALS');
    expect(session.loading).toBe(false);
  });

  it('logout() forgets the person and starts a fresh client, even if the server fails', async () => {
    client.mutation.mockReturnValueOnce(
      answer({
        data: {
          login: { person, mustChangePassword: false, headedDepartments: [], managedDepartmentIds: [] },
        },
      }),
    );
    const session = useSessionStore();
    await session.login('P0003', 'palma-demo-2026');
    client.mutation.mockReturnValueOnce(
      answer({
        error: { graphQLErrors: [], networkError: new Error('offline') } as unknown as CombinedError,
      }),
    );

    await session.logout();

    expect(operationName(client.mutation.mock.calls[1][0])).toBe('Logout');
    expect(session.me).toBeNull();
    expect(session.signedIn).toBe(false);
    expect(resetGraphqlClient).toHaveBeenCalledTimes(1);
  });

  it('passwordChanged() and localeChanged() update the signed-in person', async () => {
    client.mutation.mockReturnValue(answer({ data: { login: { person, mustChangePassword: true } } }));
    const session = useSessionStore();
    await session.login('P0003', 'temporary-pass');

    session.passwordChanged();
    session.localeChanged('en');

    expect(session.me?.mustChangePassword).toBe(false);
    expect(session.me?.person.locale).toBe('en');
  });
});
