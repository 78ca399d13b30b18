import type { Locale } from '@palma/shared';
import { useMutation, useQuery } from '@urql/vue';
import { computed, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import {
  ActivateCampaignDocument,
  AdminCampaignDocument,
  AdminCampaignsDocument,
  CampaignCourseChoicesDocument,
  CloseCampaignDocument,
  CreateCampaignDocument,
  RunCampaignRemindersDocument,
  SyncCampaignDocument,
  UpdateCampaignDocument,
  type AdminCampaignFieldsFragment,
  type AdminCampaignsQuery,
  type CampaignInput,
  type RunCampaignRemindersMutation,
  type SyncCampaignMutation,
} from '@/api/graphql';
import { toProblem } from '@/app/errors';
import type { MutationOutcome } from '@/features/org/composables/useDepartments';

export type CampaignRow = AdminCampaignsQuery['campaigns'][number];
export type Campaign = AdminCampaignFieldsFragment;
export type CampaignSyncResult = SyncCampaignMutation['syncCampaign'];
export type ReminderRunResult = RunCampaignRemindersMutation['runCampaignReminders'];

/** Korean name in Korean, English name in English (falling back to the other when blank). */
export function localName(item: { nameKo: string; nameEn: string }, locale: Locale): string {
  return locale === 'en' ? item.nameEn || item.nameKo : item.nameKo || item.nameEn;
}

/** Every campaign, latest due date first. */
export function useCampaignList() {
  const query = useQuery({ query: AdminCampaignsDocument, context: { additionalTypenames: ['Campaign'] } });
  return {
    campaigns: computed<CampaignRow[]>(() => query.data.value?.campaigns ?? []),
    fetching: query.fetching,
    error: query.error,
    loaded: computed(() => query.data.value !== undefined),
  };
}

/** One campaign by id (paused on the "new campaign" page). */
export function useCampaign(id: Ref<string | null>) {
  const query = useQuery({
    query: AdminCampaignDocument,
    variables: computed(() => ({ id: id.value ?? '' })),
    pause: computed(() => !id.value),
  });
  return {
    campaign: computed<Campaign | null>(() => query.data.value?.campaign ?? null),
    fetching: query.fetching,
    error: query.error,
  };
}

export interface CourseChoice {
  id: string;
  title: string;
}

/** Published courses, for a tier's required courses. */
export function useCampaignCourseChoices() {
  const { locale } = useI18n();
  const query = useQuery({ query: CampaignCourseChoicesDocument });
  const courses = computed<CourseChoice[]>(() =>
    (query.data.value?.courses.edges ?? []).flatMap(({ node }) =>
      node.published
        ? [
            {
              id: node.id,
              title:
                locale.value === 'en'
                  ? node.published.titleEn || node.published.titleKo
                  : node.published.titleKo || node.published.titleEn,
            },
          ]
        : [],
    ),
  );
  return { courses, error: query.error };
}

export function useCampaignMutations() {
  const create = useMutation(CreateCampaignDocument);
  const update = useMutation(UpdateCampaignDocument);
  const activate = useMutation(ActivateCampaignDocument);
  const close = useMutation(CloseCampaignDocument);
  const sync = useMutation(SyncCampaignDocument);
  const reminders = useMutation(RunCampaignRemindersDocument);
  const touchesCampaigns = { additionalTypenames: ['Campaign'] };

  async function createCampaign(input: CampaignInput): Promise<MutationOutcome<Campaign>> {
    const r = await create.executeMutation({ input }, touchesCampaigns);
    return r.data ? { ok: true, data: r.data.createCampaign } : { ok: false, problem: toProblem(r.error) };
  }
  async function updateCampaign(id: string, input: CampaignInput): Promise<MutationOutcome<Campaign>> {
    const r = await update.executeMutation({ id, input }, touchesCampaigns);
    return r.data ? { ok: true, data: r.data.updateCampaign } : { ok: false, problem: toProblem(r.error) };
  }
  async function activateCampaign(id: string): Promise<MutationOutcome<Campaign>> {
    const r = await activate.executeMutation({ id }, touchesCampaigns);
    return r.data ? { ok: true, data: r.data.activateCampaign } : { ok: false, problem: toProblem(r.error) };
  }
  async function closeCampaign(id: string): Promise<MutationOutcome<Campaign>> {
    const r = await close.executeMutation({ id }, touchesCampaigns);
    return r.data ? { ok: true, data: r.data.closeCampaign } : { ok: false, problem: toProblem(r.error) };
  }
  async function syncCampaign(id: string): Promise<MutationOutcome<CampaignSyncResult>> {
    const r = await sync.executeMutation({ id }, touchesCampaigns);
    return r.data ? { ok: true, data: r.data.syncCampaign } : { ok: false, problem: toProblem(r.error) };
  }
  async function runReminders(): Promise<MutationOutcome<ReminderRunResult>> {
    const r = await reminders.executeMutation({});
    return r.data
      ? { ok: true, data: r.data.runCampaignReminders }
      : { ok: false, problem: toProblem(r.error) };
  }

  return {
    createCampaign,
    updateCampaign,
    activateCampaign,
    closeCampaign,
    syncCampaign,
    runReminders,
    saving: computed(() => create.fetching.value || update.fetching.value),
    activating: activate.fetching,
    closing: close.fetching,
    syncing: sync.fetching,
    reminding: reminders.fetching,
  };
}
