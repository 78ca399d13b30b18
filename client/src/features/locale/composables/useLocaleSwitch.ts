import type { Locale } from '@palma/shared';
import { useMutation } from '@urql/vue';
import { computed, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { UpdateMyLocaleDocument } from '@/api/graphql';
import { errorMessage } from '@/app/errors';
import { applyLocale } from '@/app/i18n';
import { useSessionStore } from '@/features/auth/stores/session.store';

/** The interface language: changes at once, and is saved on the person when signed in. */
export function useLocaleSwitch() {
  const { t, locale } = useI18n();
  const session = useSessionStore();
  const { executeMutation, fetching } = useMutation(UpdateMyLocaleDocument);
  const error = ref<string | null>(null);

  const current = computed(() => locale.value as Locale);

  async function change(next: Locale): Promise<void> {
    error.value = null;
    if (next === current.value && next === session.me?.person.locale) return;
    applyLocale(next);
    if (!session.me) return;
    const result = await executeMutation({ locale: next });
    if (result.error) error.value = errorMessage(result.error, t);
    else session.localeChanged(next);
  }

  return { current, change, saving: fetching, error };
}
