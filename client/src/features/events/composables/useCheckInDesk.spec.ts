import { CombinedError } from '@urql/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { useCheckInDesk } from './useCheckInDesk';

const urql = vi.hoisted(() => ({ admit: vi.fn(), undo: vi.fn(), refetch: vi.fn() }));
vi.mock('@urql/vue', async () => {
  const { ref: vueRef } = await import('vue');
  let mutations = 0;
  return {
    useMutation: () => {
      // The desk asks for the check-in mutation first, then the undo.
      const execute = mutations++ % 2 === 0 ? urql.admit : urql.undo;
      return { executeMutation: execute, fetching: vueRef(false) };
    },
    useQuery: () => ({
      data: vueRef(undefined),
      error: vueRef(undefined),
      fetching: vueRef(false),
      executeQuery: urql.refetch,
    }),
  };
});

const attendee = {
  registrationId: 'r-1',
  sessionId: 's-1',
  personId: 'p-1',
  name: '김민수',
  employeeNumber: 'P0004',
  departmentNameKo: '조사팀',
  departmentNameEn: 'Investigation Team',
  status: 'CONFIRMED',
  waitlistPosition: null,
  checkInId: 'c-1',
  checkedInAt: '2026-12-20T09:58:00Z',
};
const networkDown = { error: new CombinedError({ networkError: new Error('Failed to fetch') }) };

describe('useCheckInDesk', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    urql.admit.mockReset();
    urql.refetch.mockReset();
  });
  afterEach(() => vi.useRealTimers());

  it('retries a network failure with the same scan id, then shows the person in green', async () => {
    urql.admit.mockResolvedValueOnce(networkDown).mockResolvedValueOnce({
      data: { checkIn: { checkInId: 'c-1', checkedInAt: attendee.checkedInAt, attendee } },
    });
    const desk = useCheckInDesk(ref('s-1'));
    const shown = desk.checkIn({ token: 'PT1.x.y' });
    await vi.advanceTimersByTimeAsync(5_000);
    await expect(shown).resolves.toMatchObject({ kind: 'admitted', name: '김민수' });

    const inputs = urql.admit.mock.calls.map(([variables]) => variables.input);
    expect(inputs).toHaveLength(2);
    expect(inputs[0]).toMatchObject({ sessionId: 's-1', token: 'PT1.x.y' });
    expect(inputs[1].scanId).toBe(inputs[0].scanId);
    expect(desk.panel.value).toMatchObject({ kind: 'admitted', employeeNumber: 'P0004' });
    expect(urql.refetch).toHaveBeenCalled();
  });

  it('uses a new scan id for every scan', async () => {
    urql.admit.mockResolvedValue({
      error: new CombinedError({
        graphQLErrors: [{ message: 'invalid', extensions: { code: 'TICKET_INVALID' } }],
      }),
    });
    const desk = useCheckInDesk(ref('s-1'));
    await desk.checkIn({ token: 'a' });
    await desk.checkIn({ registrationId: 'r-2' });
    const [first, second] = urql.admit.mock.calls.map(([variables]) => variables.input);
    expect(first.scanId).not.toBe(second.scanId);
    expect(second).toMatchObject({ registrationId: 'r-2' });
    // A refusal is an answer: not sent again.
    expect(urql.admit).toHaveBeenCalledTimes(2);
    expect(desk.panel.value).toEqual({
      kind: 'refused',
      code: 'TICKET_INVALID',
      name: null,
      checkedInAt: null,
    });
  });

  it('does nothing without a session', async () => {
    const desk = useCheckInDesk(ref(null));
    await expect(desk.checkIn({ token: 'a' })).resolves.toBeNull();
    expect(urql.admit).not.toHaveBeenCalled();
  });
});
