import { DEFAULT_XP_RULES, type EventKind } from '@palma/shared';
import type { EntityManager } from 'typeorm';

/** Demo events: the concert-style sessions the platform was made for. Fixed ids keep seeding idempotent. */

const DAY = 86_400_000;
const HOUR = 3_600_000;

interface DemoEvent {
  id: string;
  kind: EventKind;
  titleKo: string;
  titleEn: string;
  descriptionKo: string;
  descriptionEn: string;
  performers: string;
  venue: string;
  onlineUrl?: string;
  creditMinutes: number;
  /** Days from the seeding day; sessions start at these Seoul clock hours. */
  day: number;
  hours: number[];
  durationHours: number;
  capacity: number;
  opensInDays?: number;
  audience?: string[];
  /** Employee numbers registering, in arrival order (those beyond capacity wait). */
  registrants: string[];
  /** Of those, checked in (past events only). */
  attended?: string[];
  sessionIds: string[];
}

export const DEMO_EVENTS: DemoEvent[] = [
  {
    id: '7e1c0a55-4b8d-4f0e-a1c2-000000000001',
    kind: 'CONCERT',
    titleKo: '청렴 콘서트 「맑은 소리, 바른 공직」',
    titleEn: 'Integrity concert: Clear Voices, Upright Service',
    descriptionKo:
      '강의 대신 노래와 이야기로 만나는 청렴교육입니다.\n시립 청소년 합창단과 국악 앙상블의 공연 사이사이에 청탁금지법 사례를 짧은 극으로 풀어 봅니다.\n출석하면 청렴교육 60분이 인정됩니다.',
    descriptionEn:
      'Integrity training in songs and stories instead of a lecture.\nBetween performances by the city youth choir and a Korean traditional music ensemble, short scenes act out cases under the Improper Solicitation and Graft Act.\nAttending counts as 60 minutes of integrity training.',
    performers: '팔마시립 청소년 합창단 · 국악 앙상블 「바람」 · 사회: 청렴팀 박준호',
    venue: '팔마시청 대회의실 (본관 5층)',
    creditMinutes: 60,
    day: 10,
    hours: [10, 15],
    durationHours: 1.5,
    capacity: 60,
    registrants: [
      'P0005',
      'P1002',
      'P2005',
      'P2008',
      'P2010',
      'P2011',
      'P2012',
      'P2013',
      'P2014',
      'P2015',
      'P2016',
    ],
    sessionIds: ['7e1c0a55-4b8d-4f0e-a1c2-000000000101', '7e1c0a55-4b8d-4f0e-a1c2-000000000102'],
  },
  {
    id: '7e1c0a55-4b8d-4f0e-a1c2-000000000002',
    kind: 'QUIZ_CONTEST',
    titleKo: '2026 청렴 골든벨',
    titleEn: '2026 Integrity Golden Bell',
    descriptionKo:
      '부서 대표가 모여 청렴 퀴즈로 겨룹니다. 틀리면 탈락, 마지막까지 남은 사람이 골든벨을 울립니다.\n패자부활전도 있습니다.',
    descriptionEn:
      'Department champions compete in an integrity quiz: a wrong answer and you are out; the last one standing rings the golden bell.\nThere is a revival round.',
    performers: '진행: 감사관 청렴팀',
    venue: '팔마시민회관 소공연장',
    creditMinutes: 90,
    day: 20,
    hours: [14],
    durationHours: 2,
    capacity: 12,
    registrants: [
      'P2001',
      'P2002',
      'P2004',
      'P2006',
      'P2007',
      'P2009',
      'P2017',
      'P2018',
      'P2019',
      'P2020',
      'P2021',
      'P2022',
      'P2023',
      'P2024',
    ],
    sessionIds: ['7e1c0a55-4b8d-4f0e-a1c2-000000000201'],
  },
  {
    id: '7e1c0a55-4b8d-4f0e-a1c2-000000000003',
    kind: 'PLAY',
    titleKo: '연극 「선물의 무게」',
    titleEn: 'A play: The Weight of a Gift',
    descriptionKo:
      '인허가 담당 공무원이 민원인에게서 받은 작은 선물이 어떻게 커지는지를 그린 30분 연극과 관객 토론입니다.\n도시국 직원을 위한 회차입니다.',
    descriptionEn:
      'A 30-minute play about how a small gift from an applicant grows for a permits officer, followed by a discussion with the audience.\nA session for the Urban Development Bureau.',
    performers: '극단 「곧은길」',
    venue: '도시국 회의실 (별관 2층)',
    creditMinutes: 60,
    day: 35,
    hours: [16],
    durationHours: 1,
    capacity: 40,
    opensInDays: 5,
    audience: ['URB'],
    registrants: [],
    sessionIds: ['7e1c0a55-4b8d-4f0e-a1c2-000000000301'],
  },
  {
    id: '7e1c0a55-4b8d-4f0e-a1c2-000000000004',
    kind: 'TALK',
    titleKo: '온라인 청렴 토크: 이해충돌방지법 사례로 배우기',
    titleEn: 'Online integrity talk: learning the Conflict of Interest Act from cases',
    descriptionKo: '국민권익위원회 강사가 실제 신고 사례로 이해충돌방지법의 사적이해관계 신고를 설명합니다.',
    descriptionEn:
      'A speaker from the Anti-Corruption and Civil Rights Commission explains declaring private interests with real cases.',
    performers: '국민권익위원회 청렴연수원 강사',
    venue: '',
    onlineUrl: 'https://meet.palma.go.kr/integrity-talk',
    creditMinutes: 60,
    day: 4,
    hours: [11],
    durationHours: 1,
    capacity: 200,
    registrants: ['P1003', 'P1004', 'P2025', 'P2026', 'P2027'],
    sessionIds: ['7e1c0a55-4b8d-4f0e-a1c2-000000000401'],
  },
  {
    id: '7e1c0a55-4b8d-4f0e-a1c2-000000000005',
    kind: 'TALK',
    titleKo: '청렴 특강: 공무원 행동강령 10문 10답',
    titleEn: 'Integrity lecture: the Code of Conduct in ten questions',
    descriptionKo: '지난 달에 열린 특강입니다. 참석자에게 60분이 인정되었습니다.',
    descriptionEn: 'A lecture held last month; attendees were credited 60 minutes.',
    performers: '감사관 박정민',
    venue: '팔마시청 대회의실 (본관 5층)',
    creditMinutes: 60,
    day: -20,
    hours: [14],
    durationHours: 1,
    capacity: 80,
    registrants: ['P2001', 'P2002', 'P2004', 'P2006', 'P2007', 'P2009'],
    attended: ['P2001', 'P2002', 'P2004', 'P2006', 'P2007'],
    sessionIds: ['7e1c0a55-4b8d-4f0e-a1c2-000000000501'],
  },
];

/** Seoul has no daylight saving time: its clock is UTC+9 all year. */
function seoulHour(now: Date, days: number, hour: number): Date {
  const seoulMidnight = Math.floor((now.getTime() + 9 * HOUR) / DAY) * DAY - 9 * HOUR;
  return new Date(seoulMidnight + days * DAY + hour * HOUR);
}

/**
 * Inserts the demo events with their registrations (and, for the past one, check-ins credited
 * in the ledger). Counts are kept by the database's triggers, as for any registration.
 */
export async function seedDemoEvents(
  em: EntityManager,
  people: Map<string, { id: string }>,
  trainerId: string,
  now: Date,
): Promise<boolean> {
  const [exists] = await em.query(`SELECT 1 FROM events WHERE id = $1`, [DEMO_EVENTS[0]!.id]);
  if (exists) return false;
  for (const e of DEMO_EVENTS) {
    const starts = e.hours.map((h) => seoulHour(now, e.day, h));
    const ends = starts.map((s) => new Date(s.getTime() + e.durationHours * HOUR));
    const published = new Date(Math.min(now.getTime(), starts[0]!.getTime()) - 10 * DAY);
    await em.query(
      `INSERT INTO events (id, title_ko, title_en, description_ko, description_en, kind, performers, venue, online_url,
                           credit_minutes, registration_opens_at, status, first_starts_at, last_ends_at,
                           created_by_id, published_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'PUBLISHED', $12, $13, $14, $15, $15)`,
      [
        e.id,
        e.titleKo,
        e.titleEn,
        e.descriptionKo,
        e.descriptionEn,
        e.kind,
        e.performers,
        e.venue,
        e.onlineUrl ?? '',
        e.creditMinutes,
        e.opensInDays ? new Date(now.getTime() + e.opensInDays * DAY) : null,
        starts[0],
        ends.at(-1),
        trainerId,
        published,
      ],
    );
    for (const [i, id] of e.sessionIds.entries()) {
      await em.query(
        `INSERT INTO event_sessions (id, event_id, starts_at, ends_at, capacity) VALUES ($1, $2, $3, $4, $5)`,
        [id, e.id, starts[i], ends[i], e.capacity],
      );
    }
    for (const code of e.audience ?? []) {
      await em.query(
        `INSERT INTO event_audience_departments (event_id, department_id) SELECT $1, id FROM departments WHERE code = $2`,
        [e.id, code],
      );
    }
    for (const [n, number] of e.registrants.entries()) {
      const person = people.get(number);
      if (!person) continue;
      const seat = n < e.capacity;
      const at = new Date(published.getTime() + (n + 1) * HOUR);
      const [reg] = await em.query(
        `INSERT INTO event_registrations (session_id, person_id, registered_by_id, status, waitlist_position,
                                          registered_at, confirmed_at, ticket_sent_at)
         VALUES ($1, $2, $2, $3, $4, $5, $6, $6) RETURNING id`,
        [
          e.sessionIds[0],
          person.id,
          seat ? 'CONFIRMED' : 'WAITLISTED',
          seat ? null : n - e.capacity + 1,
          at,
          seat ? at : null,
        ],
      );
      if (!seat) {
        await em.query(`UPDATE event_sessions SET waitlist_next = $2 WHERE id = $1`, [
          e.sessionIds[0],
          n - e.capacity + 2,
        ]);
      }
      if (e.attended?.includes(number)) {
        const checkedInAt = new Date(starts[0]!.getTime() - 10 * 60_000);
        const [checkIn] = await em.query(
          `INSERT INTO event_check_ins (registration_id, session_id, person_id, scan_id, checked_in_at, checked_in_by_id)
           VALUES ($1, $2, $3, gen_random_uuid(), $4, $5) RETURNING id`,
          [reg.id, e.sessionIds[0], person.id, checkedInAt, trainerId],
        );
        await em.query(
          `INSERT INTO credit_entries (person_id, source_kind, source_id, minutes, xp, label, occurred_at)
           VALUES ($1, 'EVENT_ATTENDANCE', $2, $3, $4, $5, $6)`,
          [
            person.id,
            checkIn.id,
            e.creditMinutes,
            DEFAULT_XP_RULES.EVENT_ATTENDED.xp,
            e.titleKo,
            checkedInAt,
          ],
        );
      }
    }
  }
  return true;
}
