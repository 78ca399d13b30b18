import type { Role } from '@palma/shared';
import type { CombinedError } from '@urql/core';
import { defineStore } from 'pinia';
import { computed, readonly, ref, shallowRef } from 'vue';
import {
  LoginDocument,
  LogoutDocument,
  MeDocument,
  type Locale,
  type SessionPersonFragment,
  type SessionScopeFragment,
} from '@/api/graphql';
import { getGraphqlClient, resetGraphqlClient } from '@/app/graphql-client';

export interface SessionMe extends SessionScopeFragment {
  person: SessionPersonFragment;
  mustChangePassword: boolean;
}

/** Who is signed in. Everything else the server knows goes through feature composables. */
export const useSessionStore = defineStore('session', () => {
  const me = ref<SessionMe | null>(null);
  const loading = ref(false);
  const error = shallowRef<CombinedError | null>(null);
  /** True once `load()` has asked the server at least once (the router waits for it). */
  const loaded = ref(false);

  const signedIn = computed(() => me.value !== null);
  const roles = computed<readonly Role[]>(() => me.value?.person.roles ?? []);

  function hasRole(role: Role): boolean {
    return roles.value.includes(role);
  }

  function hasAnyRole(wanted: readonly Role[]): boolean {
    return wanted.some((r) => roles.value.includes(r));
  }

  /** Asks the server who the cookie belongs to (never from cache). */
  async function load(): Promise<void> {
    loading.value = true;
    try {
      const result = await getGraphqlClient()
        .query(MeDocument, {}, { requestPolicy: 'network-only' })
        .toPromise();
      error.value = result.error ?? null;
      // A failed check keeps what we had: a network blip must not sign anyone out.
      if (!result.error) me.value = result.data?.me ?? null;
    } finally {
      loading.value = false;
      loaded.value = true;
    }
  }

  /** Signs in; resolves to true on success, else `error` says why. */
  async function login(identifier: string, password: string): Promise<boolean> {
    loading.value = true;
    error.value = null;
    try {
      const result = await getGraphqlClient()
        .mutation(LoginDocument, { input: { identifier, password } })
        .toPromise();
      if (result.error || !result.data) {
        error.value = result.error ?? null;
        return false;
      }
      me.value = result.data.login;
      loaded.value = true;
      return true;
    } finally {
      loading.value = false;
    }
  }

  /** Signs out on the server and forgets everything cached for this person. */
  async function logout(): Promise<void> {
    loading.value = true;
    try {
      const result = await getGraphqlClient().mutation(LogoutDocument, {}).toPromise();
      error.value = result.error ?? null;
    } finally {
      // Even if the server is unreachable, this browser must stop showing the person's data.
      me.value = null;
      loading.value = false;
      resetGraphqlClient();
    }
  }

  /** After a successful password change the temporary-password notice goes away. */
  function passwordChanged(): void {
    if (me.value) me.value = { ...me.value, mustChangePassword: false };
  }

  function localeChanged(locale: Locale): void {
    if (me.value) me.value = { ...me.value, person: { ...me.value.person, locale } };
  }

  /** The server said the session is gone (e.g. UNAUTHENTICATED after it expired). */
  function sessionEnded(): void {
    me.value = null;
  }

  return {
    me: readonly(me),
    loading: readonly(loading),
    error: readonly(error),
    loaded: readonly(loaded),
    signedIn,
    roles,
    hasRole,
    hasAnyRole,
    load,
    login,
    logout,
    passwordChanged,
    localeChanged,
    sessionEnded,
  };
});
