import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '@/app/i18n';
import LiveJoinForm from './LiveJoinForm.vue';

const game = {
  gameId: 'g-1',
  title: '<i>청렴</i> 콘서트',
  mode: 'TEAM_BATTLE' as const,
  phase: 'LOBBY' as const,
  joiningOpen: true,
  guestTeams: ['시민팀', '학생팀'],
};

function render(props: Partial<InstanceType<typeof LiveJoinForm>['$props']> = {}) {
  return mount(LiveJoinForm, {
    props: { game, signedInAs: null, ...props },
    global: { plugins: [createAppI18n('ko')] },
  });
}

describe('LiveJoinForm', () => {
  it('shows the nickname as the game will write it, as text, and sends that one with the team', async () => {
    const wrapper = render();
    await wrapper.get('input[type=text]').setValue('  <b>팔마</b>\u200b  지킴이 ');
    expect(wrapper.text()).toContain('<b>팔마</b> 지킴이');
    expect(wrapper.find('b').exists()).toBe(false);
    await wrapper.get('input[value="학생팀"]').setValue(true);
    await wrapper.get('form').trigger('submit');
    expect(wrapper.emitted('join')).toEqual([['<b>팔마</b> 지킴이', '학생팀']]);
    // The title is escaped too.
    expect(wrapper.find('i').exists()).toBe(false);
  });

  it('asks for a nickname and a team before joining', async () => {
    const wrapper = render();
    await wrapper.get('form').trigger('submit');
    expect(wrapper.emitted('join')).toBeUndefined();
    expect(wrapper.text()).toContain('닉네임을 입력하세요.');
    expect(wrapper.text()).toContain('팀을 하나 고르세요.');
    await wrapper.get('input[type=text]').setValue('가'.repeat(21));
    expect(wrapper.text()).toContain('닉네임은 20자까지입니다.');
  });

  it('joins a signed-in person under their own name with one button', async () => {
    const wrapper = render({ signedInAs: '김민수' });
    expect(wrapper.find('input[type=text]').exists()).toBe(false);
    expect(wrapper.get('button[type=submit]').text()).toBe('김민수(으)로 참가');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.emitted('join')).toEqual([[null, null]]);
  });
});
