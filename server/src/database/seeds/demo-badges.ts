import type { BadgeTemplate, CriteriaNode } from '@palma/shared';
import type { EntityManager } from 'typeorm';

interface DemoBadge {
  id: string;
  nameKo: string;
  nameEn: string;
  descriptionKo: string;
  descriptionEn: string;
  criteria: CriteriaNode;
  template: BadgeTemplate;
}

const id = (n: number) => `b4d9e000-1c2d-4e3f-8a5b-${String(n).padStart(12, '0')}`;

/** Badges a city would start with: one per kind of integrity activity, a combination and a team badge. */
export const DEMO_BADGES: DemoBadge[] = [
  {
    id: id(1),
    nameKo: '청렴 첫걸음',
    nameEn: 'First step',
    descriptionKo: '첫 청렴 교육 과정을 이수했습니다.',
    descriptionEn: 'Completed a first integrity course.',
    criteria: { kind: 'COURSES_COMPLETED', count: 1 },
    template: { shape: 'CIRCLE', color: '#2e7d32', symbol: '🌱' },
  },
  {
    id: id(2),
    nameKo: '청렴 만점왕',
    nameEn: 'Perfect score',
    descriptionKo: '청렴 퀴즈를 만점으로 통과했습니다.',
    descriptionEn: 'Passed an integrity quiz with every point.',
    criteria: { kind: 'PERFECT_QUIZZES', count: 1 },
    template: { shape: 'STAR', color: '#c98a00', symbol: '★' },
  },
  {
    id: id(3),
    nameKo: '청렴 서약',
    nameEn: 'Pledge signed',
    descriptionKo: '청렴 서약에 서명했습니다.',
    descriptionEn: 'Signed the integrity pledge.',
    criteria: { kind: 'PLEDGES_SIGNED', count: 1 },
    template: { shape: 'SHIELD', color: '#1a3d7c', symbol: '✍' },
  },
  {
    id: id(4),
    nameKo: '콘서트 관객',
    nameEn: 'Concert-goer',
    descriptionKo: '청렴 콘서트에 참석했습니다.',
    descriptionEn: 'Attended an integrity concert.',
    criteria: { kind: 'EVENTS_ATTENDED', count: 1, eventKind: 'CONCERT' },
    template: { shape: 'HEXAGON', color: '#6a3fb5', symbol: '🎵' },
  },
  {
    id: id(5),
    nameKo: '골든벨',
    nameEn: 'Golden Bell',
    descriptionKo: '청렴 골든벨을 울렸습니다.',
    descriptionEn: 'Rang the integrity Golden Bell.',
    criteria: { kind: 'GOLDEN_BELL_RUNG', count: 1 },
    template: { shape: 'SHIELD', color: '#b8860b', symbol: '🔔' },
  },
  {
    id: id(6),
    nameKo: '꾸준한 학습자',
    nameEn: 'Steady learner',
    descriptionKo: '4주 연속으로 청렴 학습을 했습니다.',
    descriptionEn: 'Learned about integrity four weeks in a row.',
    criteria: { kind: 'STREAK_WEEKS', weeks: 4 },
    template: { shape: 'CIRCLE', color: '#d84315', symbol: '🔥' },
  },
  {
    id: id(7),
    nameKo: '청렴 챔피언',
    nameEn: 'Integrity champion',
    descriptionKo: '과정 이수, 퀴즈 만점, 행사 참석을 모두 해냈습니다.',
    descriptionEn: 'Completed a course, aced a quiz and attended an event.',
    criteria: {
      all: [
        { kind: 'COURSES_COMPLETED', count: 1 },
        { kind: 'PERFECT_QUIZZES', count: 1 },
        { kind: 'EVENTS_ATTENDED', count: 1 },
      ],
    },
    template: { shape: 'STAR', color: '#b71c1c', symbol: '🏆' },
  },
  {
    id: id(8),
    nameKo: '우리 부서 완주',
    nameEn: 'Team finish',
    descriptionKo: '부서원 모두가 기한 전에 의무교육을 마쳤습니다.',
    descriptionEn: 'Everyone in the department finished mandatory training before the due date.',
    criteria: { kind: 'DEPARTMENT_CAMPAIGN_DONE' },
    template: { shape: 'HEXAGON', color: '#00796b', symbol: '🤝' },
  },
];

/** Inserts the demo badges and queues their back-fill (the evaluator awards them). Idempotent. */
export async function seedDemoBadges(em: EntityManager): Promise<boolean> {
  const [exists] = await em.query(`SELECT 1 FROM badges WHERE id = $1`, [DEMO_BADGES[0].id]);
  if (exists) return false;
  for (const b of DEMO_BADGES) {
    await em.query(
      `INSERT INTO badges (id, name_ko, name_en, description_ko, description_en, criteria, template)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb) ON CONFLICT DO NOTHING`,
      [
        b.id,
        b.nameKo,
        b.nameEn,
        b.descriptionKo,
        b.descriptionEn,
        JSON.stringify(b.criteria),
        JSON.stringify(b.template),
      ],
    );
    await em.query(`INSERT INTO gamification_outbox (badge_id) VALUES ($1)`, [b.id]);
  }
  return true;
}
