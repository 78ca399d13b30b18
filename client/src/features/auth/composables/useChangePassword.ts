import { passwordSchema } from '@palma/shared';
import { useMutation } from '@urql/vue';
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { ChangePasswordDocument } from '@/api/graphql';
import { errorMessage, fieldMessage, fieldMessages, fieldProblems, toProblem } from '@/app/errors';
import { useSessionStore } from '../stores/session.store';

export interface PasswordFieldErrors {
  currentPassword?: string;
  newPassword?: string;
  confirmPassword?: string;
}

/** The change-password form's rules (shared limits) and its call to the server. */
export function useChangePassword() {
  const { t } = useI18n();
  const session = useSessionStore();
  const { executeMutation, fetching } = useMutation(ChangePasswordDocument);
  const fieldErrors = ref<PasswordFieldErrors>({});
  const error = ref<string | null>(null);
  const done = ref(false);

  function validate(current: string, next: string, confirm: string): PasswordFieldErrors {
    const errors: PasswordFieldErrors = {};
    if (!current) errors.currentPassword = t('fieldErrors.required');
    const parsed = passwordSchema.safeParse(next);
    if (!parsed.success) errors.newPassword = fieldMessage(parsed.error.issues[0]?.message ?? '', t);
    if (!confirm) errors.confirmPassword = t('fieldErrors.required');
    else if (confirm !== next) errors.confirmPassword = t('profile.password.mismatch');
    return errors;
  }

  async function submit(current: string, next: string, confirm: string): Promise<boolean> {
    done.value = false;
    error.value = null;
    fieldErrors.value = validate(current, next, confirm);
    if (Object.keys(fieldErrors.value).length > 0) return false;
    const result = await executeMutation({ input: { currentPassword: current, newPassword: next } });
    if (result.error) {
      const problem = toProblem(result.error);
      if (problem.code === 'WRONG_PASSWORD') {
        fieldErrors.value = { currentPassword: errorMessage(result.error, t) };
      } else {
        const fields = fieldMessages(fieldProblems(problem), t);
        if (fields['(input)']) fieldErrors.value = { newPassword: fields['(input)'] };
        error.value = errorMessage(result.error, t);
      }
      return false;
    }
    session.passwordChanged();
    done.value = true;
    return true;
  }

  return { submit, fieldErrors, error, done, saving: fetching };
}
