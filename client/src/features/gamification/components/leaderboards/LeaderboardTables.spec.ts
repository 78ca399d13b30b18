import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '@/app/i18n';
import type { DepartmentBoard, PeopleBoard } from '../../composables/useLeaderboards';
import LeaderboardDepartmentTable from './LeaderboardDepartmentTable.vue';
import LeaderboardPeopleTable from './LeaderboardPeopleTable.vue';

const peopleBoard = (over: Partial<PeopleBoard> = {}): PeopleBoard => ({
  departmentId: 'd-1',
  departmentName: '조사팀',
  departmentNameEn: 'Investigation Team',
  mode: 'AROUND_ME',
  period: 'MONTH',
  total: 12,
  viewerRank: 3,
  rows: [
    { rank: 1, name: null, level: 6, xp: 420, isViewer: false },
    { rank: 2, name: '이영희', level: 5, xp: 300, isViewer: false },
    { rank: 3, name: '김민수', level: 4, xp: 250, isViewer: true },
    { rank: 3, name: null, level: 2, xp: 250, isViewer: false },
  ],
  ...over,
});
const i18n = (lang: 'ko' | 'en' = 'ko') => ({ global: { plugins: [createAppI18n(lang)] } });
const bodyRows = (wrapper: {
  findAll: (s: string) => { text: () => string; attributes: (a: string) => string | undefined }[];
}) => wrapper.findAll('tbody tr');

describe('LeaderboardPeopleTable', () => {
  it('shows rows without a name as anonymous, never inventing one', () => {
    const rows = bodyRows(mount(LeaderboardPeopleTable, { props: { board: peopleBoard() }, ...i18n() }));
    expect(rows).toHaveLength(4);
    expect(rows[0].text()).toContain('익명');
    expect(rows[1].text()).toContain('이영희');
    expect(rows[3].text()).toContain('익명');
    expect(rows[3].text()).not.toContain('김민수');
  });

  it('highlights the viewer’s own row and says their rank', () => {
    const wrapper = mount(LeaderboardPeopleTable, { props: { board: peopleBoard() }, ...i18n() });
    const rows = bodyRows(wrapper);
    expect(rows.filter((r) => r.attributes('aria-current') === 'true')).toHaveLength(1);
    expect(rows[2].attributes('aria-current')).toBe('true');
    expect(rows[2].text()).toContain('김민수');
    expect(rows[2].text()).toContain('나');
    expect(wrapper.text()).toContain('내 순위: 12명 중 3위');
    expect(wrapper.text()).toContain('내 순위 앞뒤에 있는 사람들만 보입니다');
  });

  it('says so when the viewer is not on the board (a manager looking at a sub-department)', () => {
    const board = peopleBoard({
      viewerRank: null,
      mode: 'TOP_N',
      rows: peopleBoard().rows.map((r) => ({ ...r, isViewer: false })),
    });
    const wrapper = mount(LeaderboardPeopleTable, { props: { board }, ...i18n('en') });
    expect(wrapper.text()).toContain('You are not on this board (12 people ranked)');
    expect(wrapper.text()).toContain('Only the top places and your own are shown');
    expect(wrapper.find('[aria-current]').exists()).toBe(false);
  });
});

describe('LeaderboardDepartmentTable', () => {
  const board: DepartmentBoard = {
    mode: 'NAMED',
    period: 'ALL_TIME',
    total: 10,
    viewerRank: 2,
    rows: [
      {
        rank: 1,
        departmentId: null,
        name: null,
        nameEn: null,
        members: 5,
        averageXp: 120.46,
        completionRate: 1,
        isViewer: false,
      },
      {
        rank: 2,
        departmentId: 'd-1',
        name: '조사팀',
        nameEn: 'Investigation Team',
        members: 4,
        averageXp: 98,
        completionRate: 0.5,
        isViewer: true,
      },
      {
        rank: 3,
        departmentId: 'd-2',
        name: '계약과',
        nameEn: 'Contracts Division',
        members: 6,
        averageXp: 80,
        completionRate: null,
        isViewer: false,
      },
    ],
  };

  it('lists rank, name (or hidden), average XP, completion and members, with the viewer’s department marked', () => {
    const wrapper = mount(LeaderboardDepartmentTable, { props: { board }, ...i18n() });
    const rows = bodyRows(wrapper);
    expect(rows[0].text()).toContain('비공개 부서');
    expect(rows[0].text()).toContain('120.5');
    expect(rows[0].text()).toContain('100%');
    expect(rows[1].attributes('aria-current')).toBe('true');
    expect(rows[1].text()).toContain('50%');
    expect(rows[1].text()).toContain('4명');
    expect(rows[2].text()).toContain('—');
    expect(wrapper.text()).toContain('우리 부서: 10개 부서 중 2위');
  });
});
