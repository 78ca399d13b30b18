import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppI18n } from '@/app/i18n';
import QuizPlayerTimer from './QuizPlayerTimer.vue';

const NOW = Date.parse('2026-05-01T09:00:00Z');

function render(secondsLeft: number, clockOffsetMs = 0) {
  return mount(QuizPlayerTimer, {
    props: { deadlineAt: new Date(NOW + clockOffsetMs + secondsLeft * 1000).toISOString(), clockOffsetMs },
    global: { plugins: [createAppI18n('ko')] },
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe('QuizPlayerTimer', () => {
  it('counts down on the server’s clock, not the device’s', async () => {
    // The device is five minutes behind the server: two minutes are left, not seven.
    const wrapper = render(120, 5 * 60_000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(wrapper.get('[role="timer"]').text().replace(/\s+/g, ' ')).toBe('남은 시간 1:59');
    wrapper.unmount();
  });

  it('announces five minutes and one minute left once each, then ends the attempt at zero', async () => {
    const wrapper = render(5 * 60 + 2);
    const live = () => wrapper.get('[aria-live="assertive"]').text();
    expect(live()).toBe('');
    await vi.advanceTimersByTimeAsync(3000);
    expect(live()).toBe('남은 시간이 5분입니다.');
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    expect(live()).toBe('남은 시간이 1분입니다. 곧 자동으로 제출됩니다.');
    expect(wrapper.emitted('expired')).toBeUndefined();

    await vi.advanceTimersByTimeAsync(60_000);
    expect(wrapper.get('[role="timer"]').text().replace(/\s+/g, ' ')).toBe('남은 시간 0:00');
    expect(wrapper.emitted('expired')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(wrapper.emitted('expired')).toHaveLength(1);
    wrapper.unmount();
  });

  it('does not announce a warning already past when the attempt is resumed', async () => {
    const wrapper = render(3 * 60);
    await vi.advanceTimersByTimeAsync(5000);
    expect(wrapper.get('[aria-live="assertive"]').text()).toBe('');
    wrapper.unmount();
  });
});
