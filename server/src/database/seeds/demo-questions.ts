import { createHash } from 'node:crypto';
import type {
  LearnerAnswer,
  MultipleScoring,
  QuestionBody,
  QuestionDifficulty,
  QuestionDraft,
  QuizSettings,
} from '@palma/shared';

/**
 * The demo question bank: Korean integrity law (with English) as of 2024–2025 — the Improper
 * Solicitation and Graft Act (청탁금지법) with its Enforcement Decree, the Conflict of Interest
 * Prevention Act (이해충돌방지법) and the Code of Conduct for Public Officials (공무원 행동강령).
 * Every question has a fixed id, so seeding again finds what it made the first time.
 */
export interface DemoQuestion {
  id: string;
  /** Korean category names from the root, as QuestionBankService.ensureCategoryPath takes them. */
  categoryPath: string[];
  draft: QuestionDraft;
}

const ROOT = '청렴 법령';
export const DEMO_CATEGORIES = {
  graft: [ROOT, '청탁금지법'],
  conflict: [ROOT, '이해충돌방지법'],
  conduct: [ROOT, '공무원 행동강령'],
} as const satisfies Record<string, readonly string[]>;

/** English names of the demo categories (ensureCategoryPath names new categories in Korean only). */
export const DEMO_CATEGORY_NAMES_EN: Record<string, string> = {
  [ROOT]: 'Integrity laws',
  청탁금지법: 'Improper Solicitation and Graft Act',
  이해충돌방지법: 'Conflict of Interest Prevention Act',
  '공무원 행동강령': 'Code of Conduct for Public Officials',
};

const questionId = (n: number) => `5e0c4a7b-91d2-4c3e-8f6a-${String(n).padStart(12, '0')}`;

/**
 * Short fixed ids for options, items and pairs, derived from the question id and the position.
 * They look random on purpose: ids a learner can see must not give the key away (a1 = right,
 * p1 ↔ m1, items numbered in the right order).
 */
function localId(question: string, part: string, index: number): string {
  return createHash('sha256').update(`${question}/${part}/${index}`).digest('base64url').slice(0, 8);
}

type Text = readonly [ko: string, en: string];

interface Common {
  n: number;
  path: readonly string[];
  difficulty: QuestionDifficulty;
  points: number;
  tags: string[];
  prompt: Text;
  /** Cites the rule. */
  explanation: Text;
}

type Body = Omit<
  QuestionDraft,
  'promptKo' | 'promptEn' | 'explanationKo' | 'explanationEn' | 'imageUrl' | 'difficulty' | 'points' | 'tags'
>;

function question(c: Common, body: Body): DemoQuestion {
  return {
    id: questionId(c.n),
    categoryPath: [...c.path],
    draft: {
      promptKo: c.prompt[0],
      promptEn: c.prompt[1],
      explanationKo: c.explanation[0],
      explanationEn: c.explanation[1],
      imageUrl: null,
      difficulty: c.difficulty,
      points: c.points,
      tags: c.tags,
      ...body,
    },
  };
}

/** An option: [ko, en] and whether it is right. */
type Option = readonly [ko: string, en: string, correct?: boolean];

function choice(c: Common, options: Option[], multiple?: MultipleScoring): DemoQuestion {
  const id = questionId(c.n);
  return question(c, {
    type: multiple ? 'MULTIPLE_CHOICE' : 'SINGLE_CHOICE',
    options: options.map(([textKo, textEn, correct], i) => ({
      id: localId(id, 'option', i),
      textKo,
      textEn,
      correct: correct === true,
    })),
    ...(multiple && { multipleScoring: multiple }),
  });
}

const single = (c: Common, options: Option[]) => choice(c, options);
const multiple = (c: Common, scoring: MultipleScoring, options: Option[]) => choice(c, options, scoring);

const trueFalse = (c: Common, answer: boolean) =>
  question(c, { type: 'TRUE_FALSE', trueFalseAnswer: answer });

/** Items in the right order. */
function ordering(c: Common, items: Text[]): DemoQuestion {
  const id = questionId(c.n);
  return question(c, {
    type: 'ORDERING',
    orderingItems: items.map(([textKo, textEn], i) => ({ id: localId(id, 'item', i), textKo, textEn })),
  });
}

function matching(c: Common, pairs: [prompt: Text, match: Text][]): DemoQuestion {
  const id = questionId(c.n);
  return question(c, {
    type: 'MATCHING',
    matchingPairs: pairs.map(([[promptKo, promptEn], [matchKo, matchEn]], i) => ({
      promptId: localId(id, 'prompt', i),
      promptKo,
      promptEn,
      matchId: localId(id, 'match', i),
      matchKo,
      matchEn,
    })),
  });
}

/** Answers are compared without spaces and case, so `청탁 금지법` matches `청탁금지법`. */
const shortAnswer = (c: Common, answers: string[], patterns: string[] = []) =>
  question(c, { type: 'SHORT_ANSWER', acceptedAnswers: answers, acceptedPatterns: patterns });

const numeric = (c: Common, ...values: number[]) =>
  question(c, { type: 'NUMERIC', numericAnswers: values.map((value) => ({ value, tolerance: 0 })) });

const { graft, conflict, conduct } = DEMO_CATEGORIES;
const IN_MANWON_KO = '(만 원 단위 숫자로 입력: 5만 원이면 5)';
const IN_MANWON_EN = '(Answer in units of 10,000 won: 5 for 50,000 won.)';

export const DEMO_QUESTIONS: DemoQuestion[] = [
  // ── 청탁금지법 ────────────────────────────────────────────────────────────────────────────────
  single(
    {
      n: 101,
      path: graft,
      difficulty: 'EASY',
      points: 1,
      tags: ['음식물', '가액기준'],
      prompt: [
        '원활한 직무수행, 사교·의례 목적으로 공직자등이 제공받을 수 있는 음식물(식사·다과·주류·음료)의 가액 기준은? (2024년 8월 개정 시행령 기준)',
        'What is the limit for meals (food, refreshments and drinks) a public official may accept for the smooth performance of duties, socialising or courtesy? (Enforcement Decree as amended in August 2024)',
      ],
      explanation: [
        '「청탁금지법」 제8조제3항제2호와 같은 법 시행령 별표 1에 따라 음식물의 가액 기준은 5만 원입니다(2024. 8. 27. 3만 원에서 상향). 다만 인허가·감사·평가처럼 직접적인 이해관계가 있는 직무관련자가 제공하는 음식물은 가액 기준 이하라도 받을 수 없습니다.',
        'Under Article 8(3)(ii) of the Graft Act and Annex 1 of its Enforcement Decree, the limit for meals is 50,000 won (raised from 30,000 won on 27 August 2024). Meals from someone whose permit, audit or evaluation you are handling are not allowed even below the limit.',
      ],
    },
    [
      ['3만 원', '30,000 won'],
      ['5만 원', '50,000 won', true],
      ['10만 원', '100,000 won'],
      ['15만 원', '150,000 won'],
    ],
  ),
  single(
    {
      n: 102,
      path: graft,
      difficulty: 'MEDIUM',
      points: 2,
      tags: ['선물', '농수산물', '가액기준'],
      prompt: [
        '명절 기간이 아닐 때, 공직자등이 받을 수 있는 농수산물·농수산가공품 선물의 가액 기준은?',
        'Outside the holiday periods, what is the limit for a gift of agricultural or fishery products (or products processed from them) that a public official may accept?',
      ],
      explanation: [
        '「청탁금지법 시행령」 별표 1: 일반 선물은 5만 원, 농수산물·농수산가공품 선물은 15만 원입니다. 설날·추석 명절 기간에는 농수산물·농수산가공품 선물의 가액 기준이 두 배인 30만 원입니다.',
        'Annex 1 of the Enforcement Decree of the Graft Act: 50,000 won for gifts in general and 150,000 won for agricultural and fishery products and products processed from them. During the Seollal and Chuseok holiday periods the limit for those products doubles to 300,000 won.',
      ],
    },
    [
      ['5만 원', '50,000 won'],
      ['10만 원', '100,000 won'],
      ['15만 원', '150,000 won', true],
      ['30만 원', '300,000 won'],
    ],
  ),
  single(
    {
      n: 103,
      path: graft,
      difficulty: 'MEDIUM',
      points: 2,
      tags: ['경조사비', '가액기준'],
      prompt: [
        '공직자등이 받을 수 있는 경조사비 가운데, 축의금·조의금을 대신하는 화환·조화의 가액 기준은?',
        'What is the limit for a wreath or flowers sent to a public official instead of congratulatory or condolence money?',
      ],
      explanation: [
        '「청탁금지법 시행령」 별표 1: 축의금·조의금은 5만 원, 이를 대신하는 화환·조화는 10만 원까지입니다. 다만 인허가·감독처럼 직접적인 이해관계가 있는 직무관련자에게서는 가액 기준 안이라도 받을 수 없습니다.',
        'Annex 1 of the Enforcement Decree of the Graft Act: congratulatory or condolence money up to 50,000 won; a wreath or flowers instead of it up to 100,000 won. From someone whose permit or supervision you are handling, nothing may be accepted even within the limits.',
      ],
    },
    [
      ['5만 원', '50,000 won'],
      ['10만 원', '100,000 won', true],
      ['15만 원', '150,000 won'],
      ['20만 원', '200,000 won'],
    ],
  ),
  trueFalse(
    {
      n: 104,
      path: graft,
      difficulty: 'EASY',
      points: 1,
      tags: ['금품수수', '형사처벌'],
      prompt: [
        '직무와 관련이 없는 사람에게서 받은 금품등이라도 동일인으로부터 1회 100만 원을 넘으면 형사처벌 대상이다.',
        'Even from someone with no link to your duties, accepting more than 1,000,000 won from the same person at one time is a criminal offence.',
      ],
      explanation: [
        '「청탁금지법」 제8조제1항: 동일인으로부터 1회 100만 원 또는 매 회계연도 300만 원을 초과하는 금품등은 직무 관련 여부나 기부·후원·증여 등 명목에 관계없이 받거나 요구·약속해서는 안 되며, 제22조에 따라 3년 이하의 징역 또는 3천만 원 이하의 벌금에 처해집니다.',
        'Article 8(1) of the Graft Act: more than 1,000,000 won at one time or 3,000,000 won in a fiscal year from the same person may not be accepted, requested or promised, whatever the link to your duties and whatever it is called (donation, sponsorship, gift). Article 22 punishes it with up to 3 years in prison or a fine of up to 30,000,000 won.',
      ],
    },
    true,
  ),
  trueFalse(
    {
      n: 105,
      path: graft,
      difficulty: 'MEDIUM',
      points: 1,
      tags: ['금품수수', '과태료'],
      prompt: [
        '직무와 관련하여 받은 금품등이 100만 원 이하이고 대가성이 없다면 청탁금지법 위반이 아니다.',
        'Money or gifts received in connection with your duties do not breach the Graft Act if they are worth 1,000,000 won or less and nothing was expected in return.',
      ],
      explanation: [
        '「청탁금지법」 제8조제2항: 직무와 관련해서는 대가성 여부와 관계없이 100만 원 이하의 금품등도 받을 수 없습니다(제8조제3항의 예외는 제외). 위반하면 제23조에 따라 받은 금품등 가액의 2배 이상 5배 이하의 과태료가 부과됩니다.',
        'Article 8(2) of the Graft Act: in connection with your duties even 1,000,000 won or less is forbidden, with or without a quid pro quo (save the exceptions of Article 8(3)). Article 23 sets an administrative fine of two to five times the value received.',
      ],
    },
    false,
  ),
  trueFalse(
    {
      n: 106,
      path: graft,
      difficulty: 'MEDIUM',
      points: 1,
      tags: ['배우자', '신고'],
      prompt: [
        '공직자는 배우자가 자신의 직무와 관련하여 금품등을 받은 사실을 알게 되면 소속기관장에게 지체 없이 서면으로 신고해야 한다.',
        'A public official who learns that their spouse accepted money or gifts in connection with the official’s duties must report it in writing to the head of their organisation without delay.',
      ],
      explanation: [
        '「청탁금지법」 제8조제4항은 공직자등의 배우자가 공직자등의 직무와 관련하여 수수 금지 금품등을 받는 것을 금지하고, 제9조제1항은 이를 안 공직자에게 소속기관장에 대한 지체 없는 서면 신고 의무를 지웁니다. 받은 금품등은 제공자에게 반환하거나 반환하도록 해야 합니다(제9조제2항).',
        'Article 8(4) of the Graft Act forbids an official’s spouse to accept such money or gifts in connection with the official’s duties, and Article 9(1) obliges the official who learns of it to report it in writing to the head of the organisation without delay. What was received must be returned to the giver, or the spouse made to return it (Article 9(2)).',
      ],
    },
    true,
  ),
  trueFalse(
    {
      n: 107,
      path: graft,
      difficulty: 'MEDIUM',
      points: 1,
      tags: ['외부강의', '신고'],
      prompt: [
        '민간 기업의 요청으로 사례금을 받는 외부강의를 한 공직자는 강의를 마친 날부터 10일 이내에 소속기관장에게 서면으로 신고해야 한다.',
        'A public official who gives a paid outside lecture at a private company’s request must report it in writing to the head of their organisation within 10 days after the lecture.',
      ],
      explanation: [
        '「청탁금지법」 제10조제2항: 사례금을 받는 외부강의등은 마친 날부터 10일 이내에 소속기관장에게 서면으로 신고합니다(같은 내용이 「공무원 행동강령」 제15조에도 있습니다). 요청한 곳이 국가나 지방자치단체이면 신고하지 않아도 되지만, 사례금 상한은 그때도 지켜야 합니다.',
        'Article 10(2) of the Graft Act (and Article 15 of the Code of Conduct for Public Officials): paid outside lectures, talks and articles are reported in writing to the head of the organisation within 10 days after they end. Requests from the state or a local government need no report, but the fee limits still apply.',
      ],
    },
    true,
  ),
  multiple(
    {
      n: 108,
      path: graft,
      difficulty: 'MEDIUM',
      points: 2,
      tags: ['금품수수', '예외'],
      prompt: [
        '청탁금지법 제8조제3항에 따라 수수 금지 금품등의 예외로 인정되는 것을 모두 고르시오.',
        'Which of these are exceptions under Article 8(3) of the Graft Act? Choose all that apply.',
      ],
      explanation: [
        '「청탁금지법」 제8조제3항은 상급 공직자등의 위로·격려·포상(제1호), 가액 기준 안의 음식물·경조사비·선물(제2호), 친족의 제공(제4호), 직무 관련 공식 행사에서 통상적인 범위로 일률적으로 제공되는 교통·숙박·음식물(제6호) 등을 예외로 둡니다. 인허가 신청인이나 감독 대상처럼 직접적인 이해관계가 있는 상대방의 제공은 금액과 관계없이 원활한 직무수행을 위한 것으로 볼 수 없고, 현금은 선물에 해당하지 않습니다.',
        'Article 8(3) of the Graft Act allows, among others, encouragement or rewards from a superior (item 1), meals, condolence money and gifts within the limits (item 2), gifts from relatives (item 4) and transport, lodging and meals an official event provides to everyone alike within the usual range (item 6). Nothing from a permit applicant or a company you supervise serves the smooth performance of duties, whatever the amount, and cash is never a gift.',
      ],
    },
    'PARTIAL',
    [
      [
        '상급 공직자가 위로·격려 목적으로 하급 공직자에게 주는 금품',
        'Money a senior official gives a junior official as encouragement or consolation',
        true,
      ],
      [
        '직무와 관련된 공식 행사에서 주최자가 참석자 모두에게 통상적인 범위에서 일률적으로 제공하는 교통·숙박·음식물',
        'Transport, lodging and meals the organiser of an official event provides to all participants alike, within the usual range',
        true,
      ],
      ['친족이 제공하는 금품', 'Money or gifts from a relative', true],
      [
        '인허가를 신청한 업체가 담당 공무원에게 대접한 3만 원짜리 식사',
        'A 30,000-won meal a company buys the official handling its permit application',
      ],
      [
        '감독 대상 업체 대표가 명절 인사로 건넨 현금 10만 원',
        '100,000 won in cash from the head of a company you supervise, as a holiday greeting',
      ],
    ],
  ),
  multiple(
    {
      n: 109,
      path: graft,
      difficulty: 'HARD',
      points: 3,
      tags: ['부정청탁', '예외'],
      prompt: [
        '청탁금지법 제5조제2항에 따라 부정청탁에 해당하지 않는 것을 모두 고르시오.',
        'Which of these are NOT improper solicitation under Article 5(2) of the Graft Act? Choose all that apply.',
      ],
      explanation: [
        '「청탁금지법」 제5조제2항은 법령·기준이 정한 절차와 방법에 따른 요구, 공개적인 요구, 선출직 공직자 등의 공익 목적 고충민원 전달, 법정기한 안의 처리 요구와 진행 상황 문의, 직무·법률관계의 확인·증명 신청, 질의·상담 형식의 설명·해석 요구, 그 밖에 사회상규에 위배되지 않는 것을 부정청탁에서 제외합니다. 채용이나 단속 결과에 개입해 달라는 요구는 제5조제1항이 금지하는 부정청탁입니다.',
        'Article 5(2) of the Graft Act excludes requests made through the procedures the law provides, public requests, grievances passed on in the public interest by elected officials and the like, asking for handling within the legal time limit or about progress, applications to confirm facts or legal relations, requests for explanations by way of questions or consultation, and anything else that does not violate social norms. Asking to interfere with a recruitment or an inspection result is improper solicitation, forbidden by Article 5(1).',
      ],
    },
    'ALL_OR_NOTHING',
    [
      [
        '법령이 정한 절차와 방법에 따라 권리 침해의 구제·해결을 요구하는 것',
        'Asking for a remedy to an infringement of rights through the procedure the law provides',
        true,
      ],
      [
        '공개적으로 공직자에게 특정한 행위를 요구하는 것',
        'Asking an official publicly to do something',
        true,
      ],
      [
        '법정기한 안에 처리해 달라고 요구하거나 진행 상황을 문의하는 것',
        'Asking for a case to be handled within the legal time limit, or asking how it is going',
        true,
      ],
      [
        '지인을 통해 채용 면접 점수를 올려 달라고 부탁하는 것',
        'Asking, through an acquaintance, for a better score in a recruitment interview',
      ],
      ['단속 결과를 없던 일로 해 달라고 요구하는 것', 'Asking for the result of an inspection to be dropped'],
    ],
  ),
  ordering(
    {
      n: 110,
      path: graft,
      difficulty: 'MEDIUM',
      points: 2,
      tags: ['부정청탁', '신고'],
      prompt: [
        '부정청탁을 받은 공직자가 해야 할 일을 순서대로 배열하시오.',
        'Put in order what a public official must do after receiving an improper request.',
      ],
      explanation: [
        '「청탁금지법」 제7조: 부정청탁을 받으면 청탁한 사람에게 거절 의사를 명확히 표시하고(제1항), 그럼에도 같은 부정청탁을 다시 받으면 소속기관장에게 서면(전자문서 포함)으로 신고합니다(제2항). 소속기관장은 직무 참여 일시중지, 직무 대리자 지정, 전보 등 필요한 조치를 할 수 있습니다(제4항).',
        'Article 7 of the Graft Act: refuse clearly (paragraph 1); if the same improper request is made again, report it in writing, electronic documents included, to the head of the organisation (paragraph 2), who may suspend you from the task, appoint a substitute or transfer you (paragraph 4).',
      ],
    },
    [
      [
        '청탁한 사람에게 부정청탁임을 알리고 거절 의사를 명확히 밝힌다',
        'Tell the person it is an improper request and refuse clearly',
      ],
      [
        '같은 부정청탁을 다시 받으면 소속기관장에게 서면으로 신고한다',
        'If the same request is made again, report it in writing to the head of the organisation',
      ],
      [
        '소속기관장의 조치(직무 참여 일시중지, 직무 대리자 지정 등)에 따른다',
        'Follow the measures the head of the organisation takes (suspension from the task, a substitute, …)',
      ],
    ],
  ),
  matching(
    {
      n: 111,
      path: graft,
      difficulty: 'MEDIUM',
      points: 3,
      tags: ['가액기준'],
      prompt: [
        '청탁금지법 시행령의 가액 기준을 알맞게 연결하시오.',
        'Match each item with its limit under the Enforcement Decree of the Graft Act.',
      ],
      explanation: [
        '「청탁금지법 시행령」 별표 1: 음식물 5만 원(2024. 8. 27.부터), 경조사비 5만 원(축의금·조의금을 대신하는 화환·조화는 10만 원), 선물 5만 원(농수산물·농수산가공품은 15만 원, 설날·추석 명절 기간에는 30만 원).',
        'Annex 1 of the Enforcement Decree of the Graft Act: meals 50,000 won (since 27 August 2024); congratulatory or condolence money 50,000 won (a wreath or flowers instead of it 100,000 won); gifts 50,000 won (agricultural and fishery products 150,000 won, 300,000 won during the Seollal and Chuseok holiday periods).',
      ],
    },
    [
      [
        ['음식물(식사·다과·주류·음료)', 'Meals (food, refreshments, drinks)'],
        ['5만 원', '50,000 won'],
      ],
      [
        ['축의금·조의금을 대신하는 화환·조화', 'A wreath or flowers instead of wedding or condolence money'],
        ['10만 원', '100,000 won'],
      ],
      [
        ['농수산물·농수산가공품 선물(평상시)', 'Agricultural or fishery products as a gift (ordinary times)'],
        ['15만 원', '150,000 won'],
      ],
      [
        [
          '설날·추석 명절 기간의 농수산물·농수산가공품 선물',
          'Agricultural or fishery products as a gift during Seollal or Chuseok',
        ],
        ['30만 원', '300,000 won'],
      ],
    ],
  ),
  matching(
    {
      n: 112,
      path: graft,
      difficulty: 'HARD',
      points: 3,
      tags: ['제재', '형사처벌', '과태료'],
      prompt: [
        '청탁금지법 위반 행위와 그 제재를 알맞게 연결하시오.',
        'Match each breach of the Graft Act with its sanction.',
      ],
      explanation: [
        '「청탁금지법」 제22조(벌칙)와 제23조(과태료): 동일인으로부터 1회 100만 원·매 회계연도 300만 원 초과 수수는 형사처벌, 직무와 관련된 그 이하의 수수는 가액의 2배 이상 5배 이하 과태료입니다. 부정청탁을 받고 그에 따라 직무를 수행한 공직자는 형사처벌되고, 제3자를 위해 부정청탁을 한 사람에게는 과태료가 부과됩니다.',
        'Articles 22 (penalties) and 23 (administrative fines) of the Graft Act: more than 1,000,000 won at once or 3,000,000 won a year from the same person is a crime; less, in connection with your duties, brings a fine of two to five times the value. An official who acts on an improper request commits a crime; a person who makes an improper request for someone else is fined.',
      ],
    },
    [
      [
        [
          '동일인에게서 1회 100만 원을 초과하는 금품등을 받음',
          'Accepting more than 1,000,000 won from one person at one time',
        ],
        [
          '3년 이하의 징역 또는 3천만 원 이하의 벌금',
          'Up to 3 years in prison or a fine of up to 30,000,000 won',
        ],
      ],
      [
        [
          '직무와 관련하여 100만 원 이하의 금품등을 받음',
          'Accepting 1,000,000 won or less in connection with your duties',
        ],
        [
          '받은 금품등 가액의 2배 이상 5배 이하의 과태료',
          'An administrative fine of two to five times the value received',
        ],
      ],
      [
        ['부정청탁을 받고 그에 따라 직무를 수행함', 'Carrying out your duties as an improper request asked'],
        [
          '2년 이하의 징역 또는 2천만 원 이하의 벌금',
          'Up to 2 years in prison or a fine of up to 20,000,000 won',
        ],
      ],
      [
        [
          '제3자를 위하여 공직자에게 부정청탁을 한 일반인',
          'A private person making an improper request to an official for someone else',
        ],
        ['2천만 원 이하의 과태료', 'An administrative fine of up to 20,000,000 won'],
      ],
    ],
  ),
  numeric(
    {
      n: 113,
      path: graft,
      difficulty: 'EASY',
      points: 1,
      tags: ['금품수수', '형사처벌'],
      prompt: [
        `직무 관련 여부와 관계없이, 동일인으로부터 1회에 몇 만 원을 초과하는 금품등을 받으면 형사처벌 대상이 되는가? ${IN_MANWON_KO}`,
        `Above what amount received from the same person at one time is accepting money or gifts a criminal offence, whatever the link to your duties? ${IN_MANWON_EN}`,
      ],
      explanation: [
        '「청탁금지법」 제8조제1항, 제22조: 동일인으로부터 1회 100만 원 또는 매 회계연도 300만 원을 초과하는 금품등을 받거나 요구·약속하면 직무 관련 여부와 관계없이 3년 이하의 징역 또는 3천만 원 이하의 벌금에 처해집니다.',
        'Articles 8(1) and 22 of the Graft Act: accepting, requesting or being promised more than 1,000,000 won at one time or 3,000,000 won in a fiscal year from the same person is punished with up to 3 years in prison or a fine of up to 30,000,000 won, whatever the link to your duties.',
      ],
    },
    100,
    1_000_000,
  ),
  numeric(
    {
      n: 114,
      path: graft,
      difficulty: 'MEDIUM',
      points: 2,
      tags: ['외부강의', '사례금'],
      prompt: [
        `공무원이 민간단체의 요청으로 1시간 동안 외부강의를 할 때 받을 수 있는 사례금의 상한은 몇 만 원인가? ${IN_MANWON_KO}`,
        `What is the most a public servant may be paid for a one-hour outside lecture given at a private organisation’s request? ${IN_MANWON_EN}`,
      ],
      explanation: [
        '「청탁금지법 시행령」 별표 2: 공무원과 공직유관단체 임직원의 외부강의 사례금 상한은 직급과 관계없이 1시간당 40만 원이며, 1시간을 넘어도 총액은 1시간 상한액의 150%(60만 원)를 넘을 수 없습니다. 상한을 넘는 사례금은 안 날부터 2일 이내에 신고하고 제공자에게 지체 없이 반환해야 합니다.',
        'Annex 2 of the Enforcement Decree of the Graft Act: for public servants and employees of public-service-related organisations the limit is 400,000 won per hour whatever their grade, and however long the lecture, the total may not exceed 150% of the one-hour limit (600,000 won). Any excess must be reported within 2 days of learning of it and returned to the giver without delay.',
      ],
    },
    40,
    400_000,
  ),
  numeric(
    {
      n: 115,
      path: graft,
      difficulty: 'HARD',
      points: 2,
      tags: ['금품수수', '형사처벌'],
      prompt: [
        `동일인으로부터 한 회계연도에 합계 몇 만 원을 초과하는 금품등을 받으면 직무 관련 여부와 관계없이 형사처벌 대상인가? ${IN_MANWON_KO}`,
        `Above what total from the same person in one fiscal year is accepting money or gifts a criminal offence, whatever the link to your duties? ${IN_MANWON_EN}`,
      ],
      explanation: [
        '「청탁금지법」 제8조제1항: 1회 100만 원 이하씩이라도 동일인으로부터 매 회계연도 300만 원을 초과해 받으면 제22조에 따라 형사처벌됩니다. 여러 번 나누어 받아도 합산합니다.',
        'Article 8(1) of the Graft Act: even in amounts of 1,000,000 won or less each time, more than 3,000,000 won from the same person in a fiscal year is a crime under Article 22. Separate payments are added up.',
      ],
    },
    300,
    3_000_000,
  ),
  shortAnswer(
    {
      n: 116,
      path: graft,
      difficulty: 'EASY',
      points: 1,
      tags: ['법령명'],
      prompt: [
        '「부정청탁 및 금품등 수수의 금지에 관한 법률」을 흔히 부르는 약칭을 하나 쓰시오.',
        'Give a short name commonly used for the Act on the Prohibition of Improper Solicitation and Provision/Receipt of Money and Valuables.',
      ],
      explanation: [
        '이 법의 약칭은 「청탁금지법」이며, 법안을 처음 제안한 김영란 전 국민권익위원장의 이름을 따 「김영란법」으로도 불립니다. 2016년 9월 28일 시행되었습니다.',
        'Its short title is the Improper Solicitation and Graft Act (청탁금지법); it is also called the Kim Young-ran Act after the former chair of the Anti-Corruption and Civil Rights Commission who proposed it. It took effect on 28 September 2016.',
      ],
    },
    [
      '청탁금지법',
      '김영란법',
      '부정청탁금지법',
      'Graft Act',
      'Improper Solicitation and Graft Act',
      'Kim Young-ran Act',
    ],
    ['kimyoung-?ran(act|law)'],
  ),
  shortAnswer(
    {
      n: 117,
      path: graft,
      difficulty: 'MEDIUM',
      points: 2,
      tags: ['부정청탁', '신고'],
      prompt: [
        '거절 의사를 밝혔는데도 같은 부정청탁을 다시 받은 공직자는 누구에게 서면으로 신고해야 하는가?',
        'To whom must an official report in writing when the same improper request is made again after they refused it?',
      ],
      explanation: [
        '「청탁금지법」 제7조제2항: 거절 의사를 밝혔는데도 같은 부정청탁을 다시 받으면 소속기관장에게 서면(전자문서 포함)으로 신고해야 합니다. 이와 별도로 누구든지 이 법의 위반 행위를 감독기관·감사원·수사기관·국민권익위원회에도 신고할 수 있습니다(제13조).',
        'Article 7(2) of the Graft Act: if the same improper request is made again after a refusal, the official reports it in writing, electronic documents included, to the head of their organisation. Anyone may also report breaches of the Act to the supervising body, the Board of Audit and Inspection, investigative agencies or the Anti-Corruption and Civil Rights Commission (Article 13).',
      ],
    },
    ['소속기관장', '소속 기관의 장', 'head of the organisation', 'head of the organization'],
    ['소속기관(의)?장', '(the)?headof(the|my|their|our)?(organi[sz]ation|agency|institution)'],
  ),

  // ── 이해충돌방지법 ──────────────────────────────────────────────────────────────────────────────
  single(
    {
      n: 201,
      path: conflict,
      difficulty: 'EASY',
      points: 1,
      tags: ['시행일'],
      prompt: [
        '「공직자의 이해충돌 방지법」이 시행된 날은?',
        'When did the Act on the Prevention of Conflicts of Interest of Public Officials take effect?',
      ],
      explanation: [
        '이해충돌방지법은 2021년 5월 18일 공포되어 1년 뒤인 2022년 5월 19일부터 시행되었습니다. 2016년 9월 28일은 청탁금지법의 시행일, 2024년 8월 27일은 청탁금지법 음식물 가액 기준이 5만 원으로 오른 날입니다.',
        'The Conflict of Interest Prevention Act was promulgated on 18 May 2021 and took effect a year later, on 19 May 2022. The Graft Act took effect on 28 September 2016, and its meal limit rose to 50,000 won on 27 August 2024.',
      ],
    },
    [
      ['2016년 9월 28일', '28 September 2016'],
      ['2021년 5월 18일', '18 May 2021'],
      ['2022년 5월 19일', '19 May 2022', true],
      ['2024년 8월 27일', '27 August 2024'],
    ],
  ),
  single(
    {
      n: 202,
      path: conflict,
      difficulty: 'MEDIUM',
      points: 2,
      tags: ['수의계약'],
      prompt: [
        '이해충돌방지법상 공공기관이 원칙적으로 수의계약을 체결할 수 없는 상대방은?',
        'Under the Conflict of Interest Prevention Act, with whom may a public body, as a rule, not sign a private (non-competitive) contract?',
      ],
      explanation: [
        '「이해충돌방지법」 제12조(수의계약 체결 제한): 공공기관은 소속 고위공직자, 해당 계약 업무를 법령상·사실상 담당하는 소속 공직자 등과 그 배우자·직계존속·비속, 이들이 대표자인 법인·단체 등 사적이해관계자와 원칙적으로 수의계약을 체결할 수 없습니다.',
        'Article 12 of the Conflict of Interest Prevention Act (restriction on private contracts): a public body may not, as a rule, sign a private contract with its senior officials, the officials in charge of the contract and the like, their spouses, ascendants and descendants, or companies and bodies headed by them.',
      ],
    },
    [
      [
        '해당 계약 업무를 담당하는 공직자의 배우자가 대표인 업체',
        'A company headed by the spouse of the official in charge of the contract',
        true,
      ],
      ['공개경쟁입찰에 참여한 적이 있는 업체', 'A company that once took part in an open tender'],
      ['다른 지방자치단체에 본사를 둔 업체', 'A company based in another local authority’s area'],
      ['기관과 처음 거래하는 신규 업체', 'A new company dealing with the body for the first time'],
    ],
  ),
  single(
    {
      n: 203,
      path: conflict,
      difficulty: 'MEDIUM',
      points: 2,
      tags: ['퇴직자', '사적접촉'],
      prompt: [
        '직무관련자인 소속기관 퇴직자와 다음을 함께할 때, 이해충돌방지법이 신고해야 하는 사적 접촉으로 정한 것이 아닌 것은?',
        'Which of these, done with a former colleague of your organisation who is now linked to your duties, is NOT a private contact that the Conflict of Interest Prevention Act requires you to report?',
      ],
      explanation: [
        '「이해충돌방지법」 제15조와 같은 법 시행령: 직무관련자인 소속기관 퇴직자(퇴직 후 2년이 지나지 않은 사람)와 골프, 여행, 사행성 오락을 같이 하는 등 사적 접촉을 할 때에는 소속기관장에게 미리(부득이하면 사후에) 서면으로 신고해야 합니다. 공개된 공식 행사에 함께 참석하는 것은 사적 접촉이 아닙니다.',
        'Article 15 of the Conflict of Interest Prevention Act and its Enforcement Decree: playing golf, travelling or gambling together with a former official of your organisation who left less than 2 years ago and is linked to your duties must be reported in writing to the head of the organisation beforehand (afterwards if unavoidable). Attending a public official event together is not a private contact.',
      ],
    },
    [
      ['골프', 'Golf'],
      ['여행', 'A trip'],
      ['사행성 오락', 'Gambling'],
      ['기관이 주최한 공개 설명회에 함께 참석', 'Attending a public briefing your organisation holds', true],
    ],
  ),
  multiple(
    {
      n: 204,
      path: conflict,
      difficulty: 'MEDIUM',
      points: 2,
      tags: ['사적이해관계자'],
      prompt: [
        '이해충돌방지법상 "사적이해관계자"에 해당하는 것을 모두 고르시오.',
        'Who counts as a "person with a private interest" under the Conflict of Interest Prevention Act? Choose all that apply.',
      ],
      explanation: [
        '「이해충돌방지법」 제2조(정의): 공직자 자신 또는 그 가족, 공직자나 그 가족이 임원·대표자·관리자·사외이사로 재직하는 법인·단체, 공직자나 그 가족이 대리하거나 고문·자문 등을 제공하는 개인·법인·단체, 공직자로 채용·임용되기 전 2년 이내에 재직했던 법인·단체 등이 사적이해관계자입니다. 단순한 친분은 해당하지 않지만, 공정한 직무수행이 어렵다고 느끼면 상담하는 것이 좋습니다.',
        'Article 2 of the Conflict of Interest Prevention Act (definitions): the official and their family; companies and bodies where the official or a family member is an officer, representative, manager or outside director; persons and bodies the official or a family member represents or advises; companies and bodies the official worked for within 2 years before joining the public service; and others. Mere acquaintance does not count, but ask for advice if you feel you cannot be impartial.',
      ],
    },
    'PARTIAL',
    [
      ['공직자 자신 또는 그 가족', 'The official or their family', true],
      [
        '공직자의 가족이 임원으로 재직하는 법인',
        'A company where a family member of the official is an officer',
        true,
      ],
      [
        '공직자로 채용되기 전 2년 이내에 재직했던 법인',
        'A company the official worked for within 2 years before joining the public service',
        true,
      ],
      ['같은 동호회에서 활동하는 지인', 'An acquaintance from the same hobby club'],
      ['같은 아파트 단지에 사는 이웃', 'A neighbour in the same apartment complex'],
    ],
  ),
  multiple(
    {
      n: 205,
      path: conflict,
      difficulty: 'HARD',
      points: 3,
      tags: ['행위기준'],
      prompt: [
        '이해충돌방지법의 10가지 행위기준 가운데 "신고·제출 의무"에 해당하는 것을 모두 고르시오.',
        'Of the ten rules of the Conflict of Interest Prevention Act, which are duties to report or submit? Choose all that apply.',
      ],
      explanation: [
        '「이해충돌방지법」의 신고·제출 의무 5가지: 사적이해관계자 신고 및 회피·기피 신청(제5조), 공공기관 직무 관련 부동산 보유·매수 신고(제6조), 고위공직자 민간부문 업무활동 내역 제출(제8조), 직무관련자와의 거래 신고(제9조), 퇴직자 사적 접촉 신고(제15조). 제한·금지 행위 5가지: 직무 관련 외부활동 제한(제10조), 가족 채용 제한(제11조), 수의계약 체결 제한(제12조), 공공기관 물품 등의 사적 사용·수익 금지(제13조), 직무상 비밀 등 이용 금지(제14조).',
        'The five duties to report or submit: private interests and requests to step aside (Article 5), real estate related to the body’s work (Article 6), senior officials’ private-sector activities (Article 8), transactions with people linked to your duties (Article 9) and private contacts with former officials (Article 15). The five restrictions: outside activities related to your duties (Article 10), hiring family (Article 11), private contracts (Article 12), private use of public property (Article 13) and use of confidential information (Article 14).',
      ],
    },
    'ALL_OR_NOTHING',
    [
      ['직무관련자와의 거래 신고', 'Reporting transactions with people linked to your duties', true],
      ['퇴직자 사적 접촉 신고', 'Reporting private contacts with former officials', true],
      [
        '공공기관 직무 관련 부동산 보유·매수 신고',
        'Reporting real estate held or bought that relates to the public body’s work',
        true,
      ],
      ['가족 채용 제한', 'Restriction on hiring family members'],
      ['수의계약 체결 제한', 'Restriction on private contracts'],
      ['직무상 비밀 등 이용 금지', 'Ban on using confidential information'],
    ],
  ),
  trueFalse(
    {
      n: 206,
      path: conflict,
      difficulty: 'EASY',
      points: 1,
      tags: ['비밀이용'],
      prompt: [
        '공직자는 직무수행 중 알게 된 비밀이나 소속 기관의 미공개 정보로 재산상 이익을 얻어서는 안 되며, 이 의무는 퇴직 후 3년 동안 이어진다.',
        'Officials may not profit from secrets or unpublished information of their organisation learned at work, and this duty continues for 3 years after they leave.',
      ],
      explanation: [
        '「이해충돌방지법」 제14조: 공직자(공직자가 아니게 된 날부터 3년이 지나지 않은 사람 포함)는 직무수행 중 알게 된 비밀이나 소속 공공기관의 미공개정보를 이용해 재물이나 재산상 이익을 얻거나 제3자가 얻게 해서는 안 되며, 위반하면 형사처벌됩니다.',
        'Article 14 of the Conflict of Interest Prevention Act: officials, and those who left the public service less than 3 years ago, may not use secrets or unpublished information of their body learned at work to gain property or profit for themselves or others; breaches are crimes.',
      ],
    },
    true,
  ),
  trueFalse(
    {
      n: 207,
      path: conflict,
      difficulty: 'EASY',
      points: 1,
      tags: ['사적사용'],
      prompt: [
        '주말에 잠깐이라면 공공기관 소유 차량을 개인 용무에 써도 된다.',
        'Using your organisation’s car for a private errand is fine if it is only briefly, at the weekend.',
      ],
      explanation: [
        '「이해충돌방지법」 제13조: 공직자는 공공기관이 소유하거나 임차한 차량·선박·항공기·건물·토지·시설 등을 사적인 용도로 사용·수익하거나 제3자가 사용·수익하게 해서는 안 됩니다. 사용한 시간이나 횟수와는 관계가 없습니다.',
        'Article 13 of the Conflict of Interest Prevention Act: officials may not use, or let others use, vehicles, vessels, aircraft, buildings, land or facilities their body owns or rents for private purposes — however briefly or rarely.',
      ],
    },
    false,
  ),
  trueFalse(
    {
      n: 208,
      path: conflict,
      difficulty: 'MEDIUM',
      points: 1,
      tags: ['거래신고'],
      prompt: [
        '공직자의 배우자가 공직자의 직무관련자와 부동산을 거래했다면, 배우자 본인의 거래이므로 공직자가 신고할 필요는 없다.',
        'If an official’s spouse buys or sells real estate with someone linked to the official’s duties, the official need not report it, because it is the spouse’s own transaction.',
      ],
      explanation: [
        '「이해충돌방지법」 제9조: 공직자 자신이나 배우자, 생계를 같이하는 직계존속·비속 등이 직무관련자와 금전을 빌리거나 빌려주는 행위, 부동산 거래, 물품·용역·공사 계약 등을 한 사실을 알게 되면 공직자는 안 날부터 14일 이내에 소속기관장에게 서면으로 신고해야 합니다.',
        'Article 9 of the Conflict of Interest Prevention Act: when the official, their spouse or an ascendant or descendant sharing their household borrows or lends money, trades real estate or contracts for goods, services or works with someone linked to the official’s duties, the official must report it in writing to the head of the organisation within 14 days of learning of it.',
      ],
    },
    false,
  ),
  ordering(
    {
      n: 209,
      path: conflict,
      difficulty: 'MEDIUM',
      points: 2,
      tags: ['사적이해관계자', '회피'],
      prompt: [
        '담당 업무의 직무관련자가 자신의 사적이해관계자임을 알게 된 공직자의 처리 순서를 배열하시오.',
        'Put in order what happens when an official finds out that someone linked to their task is a person with a private interest in relation to them.',
      ],
      explanation: [
        '「이해충돌방지법」 제5조·제7조: 직무관련자가 사적이해관계자임을 안 날부터 14일 이내에 소속기관장에게 서면으로 신고하고 회피를 신청해야 하며, 소속기관장은 직무수행의 일시중지, 직무대리자 또는 직무공동수행자의 지정, 직무 재배정 등 필요한 조치를 합니다.',
        'Articles 5 and 7 of the Conflict of Interest Prevention Act: within 14 days of finding out, the official reports in writing to the head of the organisation and asks to step aside; the head then suspends the official from the task, appoints a substitute or co-worker, or reassigns the task.',
      ],
    },
    [
      [
        '직무관련자가 사적이해관계자인지 확인한다',
        'Check whether the person linked to the task is a person with a private interest',
      ],
      [
        '안 날부터 14일 이내에 소속기관장에게 서면으로 신고하고 회피를 신청한다',
        'Within 14 days of finding out, report it in writing to the head of the organisation and ask to step aside',
      ],
      [
        '소속기관장이 직무 일시중지, 직무대리자 지정, 직무 재배정 등 필요한 조치를 한다',
        'The head of the organisation suspends the official from the task, appoints a substitute or reassigns it',
      ],
    ],
  ),
  matching(
    {
      n: 210,
      path: conflict,
      difficulty: 'MEDIUM',
      points: 3,
      tags: ['행위기준', '사례'],
      prompt: [
        '상황과 이해충돌방지법상 의무를 알맞게 연결하시오.',
        'Match each situation with the duty it triggers under the Conflict of Interest Prevention Act.',
      ],
      explanation: [
        '「이해충돌방지법」 제5조(사적이해관계자 신고 및 회피 신청), 제9조(직무관련자와의 거래 신고), 제15조(퇴직자 사적 접촉 신고), 제11조(가족 채용 제한). 신고는 모두 소속기관장에게 서면으로 합니다.',
        'Conflict of Interest Prevention Act: Article 5 (reporting a private interest and asking to step aside), Article 9 (reporting transactions with people linked to your duties), Article 15 (reporting private contacts with former officials), Article 11 (restriction on hiring family). Reports go in writing to the head of the organisation.',
      ],
    },
    [
      [
        ['내가 감사할 업체의 대표가 내 동생이다', 'The head of a company I am about to audit is my brother'],
        ['사적이해관계자 신고 및 회피 신청', 'Report the private interest and ask to step aside'],
      ],
      [
        [
          '직무관련자에게서 개인적으로 돈을 빌렸다',
          'I borrowed money privately from someone linked to my duties',
        ],
        ['직무관련자와의 거래 신고', 'Report the transaction with a person linked to your duties'],
      ],
      [
        [
          '1년 전 퇴직한 선배(직무관련자)와 골프 약속을 잡았다',
          'I arranged a round of golf with a colleague who retired a year ago and is linked to my duties',
        ],
        ['퇴직자 사적 접촉 신고', 'Report the private contact with a former official'],
      ],
      [
        [
          '채용 업무를 맡았는데 내 자녀가 응시하려 한다',
          'I run a recruitment that my own child wants to apply for',
        ],
        ['가족 채용 제한', 'Restriction on hiring family members'],
      ],
    ],
  ),
  numeric(
    {
      n: 211,
      path: conflict,
      difficulty: 'MEDIUM',
      points: 2,
      tags: ['사적이해관계자', '기한'],
      prompt: [
        '직무관련자가 사적이해관계자임을 안 공직자는 안 날부터 며칠 이내에 소속기관장에게 신고하고 회피를 신청해야 하는가? (숫자로 입력)',
        'Within how many days of finding out that someone linked to their task is a person with a private interest must an official report it and ask to step aside? (Enter a number.)',
      ],
      explanation: [
        '「이해충돌방지법」 제5조제1항: 공직자는 직무관련자가 사적이해관계자임을 안 경우 안 날부터 14일 이내에 소속기관장에게 서면으로 신고하고 회피를 신청해야 합니다. 직무관련자와의 거래 신고(제9조) 기한도 안 날부터 14일입니다.',
        'Article 5(1) of the Conflict of Interest Prevention Act: within 14 days of finding out, in writing, to the head of the organisation. Transactions with people linked to your duties (Article 9) are also reported within 14 days.',
      ],
    },
    14,
  ),
  numeric(
    {
      n: 212,
      path: conflict,
      difficulty: 'EASY',
      points: 1,
      tags: ['행위기준'],
      prompt: [
        '이해충돌방지법은 공직자가 지켜야 할 행위기준을 모두 몇 가지로 정하고 있는가? (숫자로 입력)',
        'How many rules of conduct for officials does the Conflict of Interest Prevention Act set? (Enter a number.)',
      ],
      explanation: [
        '「이해충돌방지법」은 신고·제출 의무 5가지(사적이해관계자 신고, 부동산 보유·매수 신고, 고위공직자 민간부문 업무활동 내역 제출, 직무관련자와의 거래 신고, 퇴직자 사적 접촉 신고)와 제한·금지 행위 5가지(직무 관련 외부활동, 가족 채용, 수의계약, 공공기관 물품 사적 사용, 직무상 비밀 이용), 모두 10가지 행위기준을 정합니다.',
        'The Conflict of Interest Prevention Act sets ten rules: five duties to report or submit (private interests, real estate, senior officials’ private-sector activities, transactions with people linked to your duties, private contacts with former officials) and five restrictions (outside activities, hiring family, private contracts, private use of public property, use of confidential information).',
      ],
    },
    10,
  ),
  numeric(
    {
      n: 213,
      path: conflict,
      difficulty: 'MEDIUM',
      points: 2,
      tags: ['퇴직자', '사적접촉'],
      prompt: [
        '퇴직자 사적 접촉 신고의 대상은 소속기관에서 퇴직한 지 몇 년이 지나지 않은 직무관련자인가? (숫자로 입력)',
        'Private contacts must be reported with former officials of your organisation who are linked to your duties and left how many years ago at most? (Enter a number.)',
      ],
      explanation: [
        '「이해충돌방지법」 제15조: 소속 공공기관에서 퇴직한 지 2년이 지나지 않은 퇴직자가 직무관련자인 경우, 그와 골프·여행·사행성 오락 등 사적 접촉을 하려면 소속기관장에게 신고해야 합니다.',
        'Article 15 of the Conflict of Interest Prevention Act: private contacts such as golf, travel or gambling with someone who left your public body less than 2 years ago and is linked to your duties must be reported to the head of the organisation.',
      ],
    },
    2,
  ),
  shortAnswer(
    {
      n: 214,
      path: conflict,
      difficulty: 'EASY',
      points: 1,
      tags: ['정의'],
      prompt: [
        '공직자가 직무를 수행할 때 자신의 사적 이해관계가 관련되어 공정하고 청렴한 직무수행이 저해되거나 저해될 우려가 있는 상황을 무엇이라 하는가?',
        'What is the term for a situation in which an official’s private interests bear on their work so that fair and honest performance of their duties is, or may be, impaired?',
      ],
      explanation: [
        '「이해충돌방지법」 제2조(정의)는 이러한 상황을 "이해충돌"이라 하며, 이 법은 공직자의 직무수행과 관련한 사적 이익추구를 금지해 이해충돌을 방지하는 것을 목적으로 합니다(제1조).',
        'Article 2 of the Conflict of Interest Prevention Act calls this a "conflict of interest" (이해충돌); the Act aims to prevent such conflicts by forbidding officials to pursue private gain through their work (Article 1).',
      ],
    },
    ['이해충돌', 'conflict of interest', 'conflicts of interest', 'a conflict of interest'],
  ),
  shortAnswer(
    {
      n: 215,
      path: conflict,
      difficulty: 'MEDIUM',
      points: 2,
      tags: ['거래신고'],
      prompt: [
        '공직자가 업무상 상대방에게서 개인적으로 돈을 빌렸다면 "○○○○○와의 거래 신고"를 해야 한다. 빈칸에 들어갈 말은?',
        'An official who borrowed money privately from someone they deal with at work must file a report of "transactions with ___". What goes in the blank (in Korean or English)?',
      ],
      explanation: [
        '「이해충돌방지법」 제9조(직무관련자와의 거래 신고): 공직자 자신이나 배우자 등이 직무관련자와 금전 차용, 부동산 거래, 물품·용역·공사 계약 등을 한 사실을 알게 되면 안 날부터 14일 이내에 소속기관장에게 서면으로 신고해야 합니다.',
        'Article 9 of the Conflict of Interest Prevention Act (reporting transactions with people linked to your duties, 직무관련자): borrowing or lending money, real estate deals and contracts for goods, services or works between the official or their family and such people are reported in writing within 14 days of learning of them.',
      ],
    },
    [
      '직무관련자',
      'people linked to your duties',
      'persons linked to your duties',
      'a person linked to your duties',
    ],
    ['(a)?(person|persons|people|someone)(linked|related)to(your|my|their|the)?(duties|duty|work|job)'],
  ),

  // ── 공무원 행동강령 ─────────────────────────────────────────────────────────────────────────────
  single(
    {
      n: 301,
      path: conduct,
      difficulty: 'MEDIUM',
      points: 2,
      tags: ['특혜의 배제'],
      prompt: [
        '다음 중 공무원 행동강령의 "특혜의 배제"에 어긋나는 행동은?',
        'Which of these breaks the "no favouritism" rule of the Code of Conduct for Public Officials?',
      ],
      explanation: [
        '「공무원 행동강령」 제6조(특혜의 배제): 공무원은 직무를 수행할 때 지연·혈연·학연·종교 등을 이유로 특정인에게 특혜를 주거나 특정인을 차별해서는 안 됩니다. 법령에 근거한 배려나 공고된 기준에 따른 선정은 특혜가 아닙니다.',
        'Article 6 of the Code of Conduct for Public Officials (no favouritism): in their duties, public servants may not favour or discriminate against anyone because of where they come from, family ties, school or religion. Accommodations the law provides and selection by published criteria are not favours.',
      ],
    },
    [
      [
        '같은 고향 출신 민원인의 민원을 접수 순서와 관계없이 먼저 처리해 준다',
        'Handling a complainant from your home town first, out of turn',
        true,
      ],
      ['민원을 접수한 순서대로 처리한다', 'Handling applications in the order they arrived'],
      [
        '법령에 따라 장애인 민원인에게 편의를 제공한다',
        'Providing the accommodations the law requires for a disabled applicant',
      ],
      ['공고한 기준에 따라 보조금 대상자를 선정한다', 'Selecting grant recipients by the published criteria'],
    ],
  ),
  single(
    {
      n: 302,
      path: conduct,
      difficulty: 'MEDIUM',
      points: 2,
      tags: ['갑질'],
      prompt: [
        '직무권한이나 지위에서 나오는 영향력을 이용해 부당한 요구를 하는 이른바 "갑질"을 금지하는 공무원 행동강령 조항은?',
        'Which article of the Code of Conduct for Public Officials bans "gapjil" — using one’s authority or position to make unfair demands?',
      ],
      explanation: [
        '「공무원 행동강령」 제13조의3(직무권한 등을 행사한 부당 행위의 금지)은 인허가 신청의 부당한 지연·거부, 직무관련공무원에 대한 직무 범위 밖의 부당한 지시·요구, 소속·산하 기관에 대한 업무나 비용의 부당한 전가 등을 금지합니다. 갑질은 소속 기관의 장이나 국민권익위원회에 신고할 수 있습니다.',
        'Article 13-3 of the Code of Conduct for Public Officials (ban on unfair acts using one’s authority) forbids, among others, unfairly delaying or refusing permit applications, giving other officials unfair instructions outside their duties, and unfairly shifting work or costs onto subordinate or affiliated bodies. Gapjil can be reported to the head of the organisation or the Anti-Corruption and Civil Rights Commission.',
      ],
    },
    [
      [
        '제13조의3(직무권한 등을 행사한 부당 행위의 금지)',
        'Article 13-3 (ban on unfair acts using one’s authority)',
        true,
      ],
      ['제6조(특혜의 배제)', 'Article 6 (no favouritism)'],
      ['제17조(경조사의 통지 제한)', 'Article 17 (limits on announcing family events)'],
      ['제15조(외부강의등의 사례금 수수 제한)', 'Article 15 (limits on outside lecture fees)'],
    ],
  ),
  trueFalse(
    {
      n: 303,
      path: conduct,
      difficulty: 'EASY',
      points: 1,
      tags: ['경조사'],
      prompt: [
        '공무원은 자신이 감독하는 업체의 대표에게 자녀의 결혼 소식을 알려서는 안 된다.',
        'Public servants may not tell the head of a company they supervise about their child’s wedding.',
      ],
      explanation: [
        '「공무원 행동강령」 제17조(경조사의 통지 제한): 직무관련자나 직무관련공무원에게는 경조사를 알려서는 안 됩니다. 친족, 현재·과거 근무 기관의 직원, 자신이 속한 종교단체·친목단체의 회원에게 알리거나 신문·방송·내부통신망으로 알리는 것은 허용됩니다.',
        'Article 17 of the Code of Conduct for Public Officials (limits on announcing family events): weddings and funerals may not be announced to people or officials linked to your duties. Telling relatives, staff of organisations where you work or worked, members of your religious or social groups, or announcing through newspapers, broadcasts or the internal network is allowed.',
      ],
    },
    true,
  ),
  trueFalse(
    {
      n: 304,
      path: conduct,
      difficulty: 'MEDIUM',
      points: 1,
      tags: ['갑질'],
      prompt: [
        '하급 직원에게 개인 택배를 찾아오게 하는 등 사적인 심부름을 시키는 것은 상급자의 정당한 업무 지시에 해당한다.',
        'Having a junior colleague pick up your personal parcels or run other private errands is a legitimate instruction from a superior.',
      ],
      explanation: [
        '「공무원 행동강령」 제13조의3: 직무관련공무원에게 직무와 관련이 없거나 직무의 범위를 벗어난 부당한 지시·요구를 하는 것은 금지된 갑질입니다. 사적인 심부름은 업무 지시가 아닙니다.',
        'Article 13-3 of the Code of Conduct for Public Officials: instructions or demands to other officials that have nothing to do with their duties, or go beyond them, are forbidden gapjil. Private errands are not work.',
      ],
    },
    false,
  ),
  trueFalse(
    {
      n: 305,
      path: conduct,
      difficulty: 'MEDIUM',
      points: 1,
      tags: ['외부강의', '사례금'],
      prompt: [
        '국가나 지방자치단체가 요청한 외부강의는 신고하지 않아도 되므로 사례금 상한도 적용되지 않는다.',
        'Outside lectures requested by the state or a local government need not be reported, so the fee limits do not apply to them either.',
      ],
      explanation: [
        '「공무원 행동강령」 제15조와 「청탁금지법」 제10조: 국가나 지방자치단체가 요청한 외부강의등은 신고 대상에서 빠지지만, 사례금 상한(공무원은 1시간당 40만 원, 1시간을 넘어도 총액 60만 원)은 그대로 지켜야 합니다.',
        'Article 15 of the Code of Conduct for Public Officials and Article 10 of the Graft Act: lectures requested by the state or a local government need no report, but the fee limits (for public servants 400,000 won per hour and 600,000 won in total however long) still apply.',
      ],
    },
    false,
  ),
  multiple(
    {
      n: 306,
      path: conduct,
      difficulty: 'MEDIUM',
      points: 2,
      tags: ['경조사'],
      prompt: [
        '공무원 행동강령상 경조사를 알려도 되는 경우를 모두 고르시오.',
        'When may a public servant announce a wedding or funeral in their family under the Code of Conduct? Choose all that apply.',
      ],
      explanation: [
        '「공무원 행동강령」 제17조: 경조사는 직무관련자나 직무관련공무원에게 알려서는 안 되지만, 친족, 현재 근무하거나 과거에 근무했던 기관의 직원, 자신이 소속된 종교단체·친목단체 등의 회원에게 알리는 것과 신문·방송이나 직원만 볼 수 있는 내부통신망으로 알리는 것은 허용됩니다.',
        'Article 17 of the Code of Conduct for Public Officials: not to people or officials linked to your duties; but telling relatives, staff of organisations where you work or worked, members of your religious or social groups, and announcing through newspapers, broadcasts or a staff-only internal network are allowed.',
      ],
    },
    'PARTIAL',
    [
      ['친족에게 알리는 경우', 'Telling relatives', true],
      [
        '현재 근무하거나 과거에 근무했던 기관의 직원에게 알리는 경우',
        'Telling staff of an organisation where they work or used to work',
        true,
      ],
      [
        '자신이 소속된 종교단체·친목단체의 회원에게 알리는 경우',
        'Telling members of their religious or social group',
        true,
      ],
      ['자신이 감독하는 업체의 대표에게 알리는 경우', 'Telling the head of a company they supervise'],
      [
        '인허가를 신청 중인 민원인에게 알리는 경우',
        'Telling someone whose permit application they are handling',
      ],
    ],
  ),
  ordering(
    {
      n: 307,
      path: conduct,
      difficulty: 'MEDIUM',
      points: 2,
      tags: ['부당지시'],
      prompt: [
        '상급자에게서 공정한 직무수행을 현저히 해치는 지시를 받았을 때의 처리 순서를 배열하시오.',
        'Put in order how to handle an instruction from a superior that would seriously undermine the fair performance of your duties.',
      ],
      explanation: [
        '「공무원 행동강령」 제4조: 공정한 직무수행을 현저히 해치는 지시는 그 사유를 상급자에게 소명하고 따르지 않거나 행동강령책임관과 상담할 수 있으며, 같은 지시가 반복되면 즉시 행동강령책임관과 상담해야 합니다. 행동강령책임관은 지시의 취소·변경이 필요하다고 보면 소속 기관의 장에게 보고합니다.',
        'Article 4 of the Code of Conduct for Public Officials: explain the reasons to the superior and do not follow the instruction, or consult the code of conduct officer; if the instruction is repeated, consult the officer at once. If the officer finds the instruction should be withdrawn or changed, they report to the head of the organisation.',
      ],
    },
    [
      [
        '지시한 상급자에게 그 사유를 소명하고 지시에 따르지 않는다',
        'Explain the reasons to the superior and do not follow the instruction',
      ],
      [
        '같은 지시가 반복되면 즉시 행동강령책임관과 상담한다',
        'If the instruction is repeated, consult the code of conduct officer at once',
      ],
      [
        '행동강령책임관이 지시의 취소·변경이 필요하다고 보면 소속 기관의 장에게 보고한다',
        'If the officer finds the instruction should be withdrawn or changed, they report to the head of the organisation',
      ],
    ],
  ),
  matching(
    {
      n: 308,
      path: conduct,
      difficulty: 'MEDIUM',
      points: 3,
      tags: ['조문'],
      prompt: [
        '공무원 행동강령의 조항과 그 내용을 알맞게 연결하시오.',
        'Match each article of the Code of Conduct for Public Officials with what it requires.',
      ],
      explanation: [
        '「공무원 행동강령」 제6조(특혜의 배제), 제13조의3(직무권한 등을 행사한 부당 행위의 금지), 제17조(경조사의 통지 제한), 제15조(외부강의등의 사례금 수수 제한).',
        'Code of Conduct for Public Officials: Article 6 (no favouritism), Article 13-3 (ban on unfair acts using one’s authority), Article 17 (limits on announcing family events), Article 15 (limits on outside lecture fees).',
      ],
    },
    [
      [
        ['특혜의 배제', 'No favouritism'],
        [
          '지연·혈연·학연·종교 등을 이유로 특정인을 우대하거나 차별하지 않는다',
          'Do not favour or discriminate against anyone because of region, family, school or religion',
        ],
      ],
      [
        ['직무권한 등을 행사한 부당 행위의 금지', 'Ban on unfair acts using one’s authority'],
        [
          '직무권한이나 지위의 영향력으로 부당한 지시·요구를 하지 않는다',
          'Do not use your authority or position to make unfair demands',
        ],
      ],
      [
        ['경조사의 통지 제한', 'Limits on announcing family events'],
        [
          '직무관련자에게 경조사를 알리지 않는다',
          'Do not tell people linked to your duties about weddings or funerals in your family',
        ],
      ],
      [
        ['외부강의등의 사례금 수수 제한', 'Limits on outside lecture fees'],
        ['상한액을 넘는 강의 사례금을 받지 않는다', 'Do not accept lecture fees above the limit'],
      ],
    ],
  ),
  shortAnswer(
    {
      n: 309,
      path: conduct,
      difficulty: 'MEDIUM',
      points: 2,
      tags: ['행동강령책임관'],
      prompt: [
        '각 기관에서 공무원 행동강령에 관한 교육·상담과 위반 행위 신고의 접수·처리 등을 맡도록 지정된 사람은?',
        'Who is appointed in each organisation to give training and advice on the Code of Conduct for Public Officials and to receive and handle reports of breaches?',
      ],
      explanation: [
        '「공무원 행동강령」에 따라 각 기관의 장은 행동강령책임관을 지정해 행동강령 교육·상담, 준수 여부 점검, 위반 행위 신고의 접수·처리 등을 맡깁니다. 부당한 지시를 받았거나 이해관계가 있는 직무를 맡게 되어 고민될 때 먼저 상담할 수 있는 창구입니다.',
        'Under the Code of Conduct for Public Officials, the head of each organisation appoints a code of conduct officer (행동강령책임관) for training, advice, compliance checks and reports of breaches — the first person to ask when given an unfair instruction or a task you have an interest in.',
      ],
    },
    ['행동강령책임관', 'code of conduct officer', 'conduct officer'],
    ['(the)?(code)?(of)?conductofficer'],
  ),
  numeric(
    {
      n: 310,
      path: conduct,
      difficulty: 'MEDIUM',
      points: 2,
      tags: ['외부강의', '사례금'],
      prompt: [
        `공무원이 민간단체의 요청으로 2시간 동안 외부강의를 했을 때 받을 수 있는 사례금 총액의 상한은 몇 만 원인가? ${IN_MANWON_KO}`,
        `A public servant gives a two-hour outside lecture at a private organisation’s request. What is the most they may be paid in total? ${IN_MANWON_EN}`,
      ],
      explanation: [
        '「공무원 행동강령」 제15조와 「청탁금지법 시행령」 별표 2: 공무원의 외부강의 사례금 상한은 1시간당 40만 원이고, 1시간을 넘는 강의도 총액은 1시간 상한액의 150%인 60만 원을 넘을 수 없습니다.',
        'Article 15 of the Code of Conduct for Public Officials and Annex 2 of the Enforcement Decree of the Graft Act: 400,000 won per hour, and for longer lectures no more than 150% of the one-hour limit in total — 600,000 won.',
      ],
    },
    60,
    600_000,
  ),

  // ── 청렴 법령 (전체) ─────────────────────────────────────────────────────────────────────────────
  ordering(
    {
      n: 401,
      path: [ROOT],
      difficulty: 'EASY',
      points: 1,
      tags: ['연혁'],
      prompt: [
        '다음 청렴 관련 제도를 시행된 순서대로 배열하시오.',
        'Put these integrity rules in the order they took effect.',
      ],
      explanation: [
        '「공무원 행동강령」은 2003년, 「청탁금지법」은 2016년 9월 28일, 「이해충돌방지법」은 2022년 5월 19일에 시행되었고, 청탁금지법의 음식물 가액 기준은 2024년 8월 27일 3만 원에서 5만 원으로 올랐습니다.',
        'The Code of Conduct for Public Officials took effect in 2003, the Graft Act on 28 September 2016 and the Conflict of Interest Prevention Act on 19 May 2022; the Graft Act’s meal limit rose from 30,000 to 50,000 won on 27 August 2024.',
      ],
    },
    [
      ['공무원 행동강령 시행', 'The Code of Conduct for Public Officials'],
      ['청탁금지법 시행', 'The Improper Solicitation and Graft Act'],
      ['이해충돌방지법 시행', 'The Conflict of Interest Prevention Act'],
      ['청탁금지법 음식물 가액 기준 5만 원으로 상향', 'The Graft Act’s meal limit raised to 50,000 won'],
    ],
  ),
];

/** The demo quiz's fixed id (the marker that the demo bank and quiz were seeded). */
export const DEMO_QUIZ_ID = '5e0c4a7b-91d2-4c3e-8f6a-100000000001';

/**
 * The demo quiz: five fixed questions of different types on the Graft Act (the demo course's
 * subject), then three drawn at random from the Conflict of Interest Prevention Act.
 */
export const DEMO_QUIZ = {
  id: DEMO_QUIZ_ID,
  settings: {
    titleKo: '청렴 기본 퀴즈',
    titleEn: 'Integrity basics quiz',
    descriptionKo:
      '청탁금지법의 핵심 5문항과 이해충돌방지법에서 무작위로 뽑힌 3문항입니다. 60점 이상이면 통과하며, 세 번까지 응시할 수 있고 가장 높은 점수가 반영됩니다.',
    descriptionEn:
      'Five key questions on the Graft Act and three drawn at random from the Conflict of Interest Prevention Act. Pass with 60% or more; up to three attempts, and your highest score counts.',
    passPercent: 60,
    timeLimitSeconds: 600,
    maxAttempts: 3,
    gradingMethod: 'HIGHEST',
    shuffleQuestions: true,
    shuffleOptions: true,
    feedbackMode: 'AFTER_SUBMIT',
    layout: 'ONE_PER_PAGE',
    dueAt: null,
    creditMinutes: 10,
  } satisfies QuizSettings,
  /** Fixed slots, in order: single choice, true/false, multiple choice, ordering, numeric. */
  fixedQuestionIds: [questionId(101), questionId(105), questionId(108), questionId(110), questionId(113)],
  draw: { categoryPath: [...DEMO_CATEGORIES.conflict], count: 3 },
};

/** The answer that earns every point of a question (seeded attempts, tests). */
export function rightAnswerOf(body: QuestionBody): LearnerAnswer {
  switch (body.type) {
    case 'SINGLE_CHOICE':
    case 'MULTIPLE_CHOICE':
      return { optionIds: body.options.filter((o) => o.correct).map((o) => o.id) };
    case 'TRUE_FALSE':
      return { booleanValue: body.answer };
    case 'ORDERING':
      return { itemIds: body.items.map((i) => i.id) };
    case 'MATCHING':
      return { matches: body.pairs.map((p) => ({ promptId: p.promptId, matchId: p.matchId })) };
    case 'SHORT_ANSWER':
      if (body.answers.length === 0) throw new Error('A demo short-answer question needs an accepted answer');
      return { text: body.answers[0] };
    case 'NUMERIC':
      return { numberValue: body.answers[0].value };
  }
}

/** An answer that earns nothing (seeded attempts that missed a question). */
export function wrongAnswerOf(body: QuestionBody): LearnerAnswer {
  switch (body.type) {
    case 'SINGLE_CHOICE':
    case 'MULTIPLE_CHOICE':
      return { optionIds: [body.options.find((o) => !o.correct)?.id ?? body.options[0].id] };
    case 'TRUE_FALSE':
      return { booleanValue: !body.answer };
    case 'ORDERING':
      // Shifted by one: no item in its place.
      return { itemIds: [...body.items.slice(1), body.items[0]].map((i) => i.id) };
    case 'MATCHING':
      return {
        matches: body.pairs.map((p, i) => ({
          promptId: p.promptId,
          matchId: body.pairs[(i + 1) % body.pairs.length].matchId,
        })),
      };
    case 'SHORT_ANSWER':
      return { text: '모르겠습니다' };
    case 'NUMERIC':
      return { numberValue: body.answers[0].value + 1 };
  }
}
