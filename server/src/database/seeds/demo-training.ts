import type { LessonContent } from '@palma/shared';
import { DEMO_QUIZ_ID } from './demo-questions.js';

/** Fixed ids so that seeding the demo training again finds what it made the first time. */
export const DEMO_IDS = {
  course: '0d3a8f1e-2c4b-4e6a-9b1d-000000000001',
  version: '0d3a8f1e-2c4b-4e6a-9b1d-000000000002',
  sections: ['0d3a8f1e-2c4b-4e6a-9b1d-000000000011', '0d3a8f1e-2c4b-4e6a-9b1d-000000000012'],
  lessons: [
    '0d3a8f1e-2c4b-4e6a-9b1d-000000000021',
    '0d3a8f1e-2c4b-4e6a-9b1d-000000000022',
    '0d3a8f1e-2c4b-4e6a-9b1d-000000000023',
    '0d3a8f1e-2c4b-4e6a-9b1d-000000000024',
    '0d3a8f1e-2c4b-4e6a-9b1d-000000000025',
  ],
  firstHalf: '0d3a8f1e-2c4b-4e6a-9b1d-000000000031',
  secondHalf: '0d3a8f1e-2c4b-4e6a-9b1d-000000000032',
  firstHalfTier: '0d3a8f1e-2c4b-4e6a-9b1d-000000000041',
  secondHalfTier: '0d3a8f1e-2c4b-4e6a-9b1d-000000000042',
  seniorTier: '0d3a8f1e-2c4b-4e6a-9b1d-000000000043',
} as const;

export const DEMO_COURSE = {
  titleKo: '청탁금지법 핵심: 금품등 수수 금지',
  titleEn: 'Improper Solicitation and Graft Act: no gifts',
  descriptionKo:
    '공직자가 알아야 할 금품등 수수 금지의 원칙(1회 100만 원·연 300만 원 기준)과 예외, 신고·반환 의무를 사례로 익힙니다. 마지막 확인 퀴즈를 60점 이상으로 통과하면 이수합니다.',
  descriptionEn:
    'The rules on accepting money, gifts and hospitality (the 1,000,000-won one-time and 3,000,000-won yearly limits), the exceptions, and the duty to report and return — through cases. Pass the final quiz with 60% or more to complete the course.',
};

const reading: LessonContent = {
  kind: 'READING',
  minReadingSeconds: 60,
  markdownKo: `# 금품등 수수 금지의 원칙

「부정청탁 및 금품등 수수의 금지에 관한 법률」(청탁금지법)은 공직자등이 금품등을 받는 것을 금지합니다.

## 직무관련성이 없어도 금지되는 경우

- 동일인으로부터 **1회 100만 원** 또는 **매 회계연도 300만 원**을 초과하는 금품등을 받거나 요구·약속하면
  직무 관련 여부나 명목(기부·후원·증여 등)에 관계없이 **형사처벌** 대상입니다.

## 직무와 관련된 경우

- 직무와 관련하여 받은 금품등은 **100만 원 이하라도** 대가성과 관계없이 금지되며, **과태료** 대상이 됩니다.

## 예외

원활한 직무수행, 사교·의례 또는 부조의 목적으로 제공되는 음식물·경조사비·선물 등은
**대통령령(시행령)이 정한 가액 범위** 안에서만 허용됩니다. 가액 기준은 개정될 수 있으므로
국민권익위원회가 안내하는 **최신 기준**을 확인하세요.

## 받았을 때는

금품등을 받았거나 제공 약속을 받은 경우에는 **지체 없이 소속기관장에게 신고**하고,
제공자에게 **반환**해야 합니다. 거절 의사도 분명히 밝혀야 합니다.

> 애매하면 받지 말고, 받았다면 바로 신고하고 돌려주세요.`,
  markdownEn: `# The rule: no money, gifts or hospitality

The Improper Solicitation and Graft Act forbids public officials from accepting money, gifts and hospitality.

## Forbidden even without any link to your duties

- Accepting, requesting or being promised more than **1,000,000 won at one time** or **3,000,000 won in a fiscal year**
  from the same person is a **criminal offence**, whatever the purpose (donation, sponsorship, gift…).

## When it is linked to your duties

- Anything received in connection with your duties is forbidden **even below 1,000,000 won**, with or without a quid pro quo,
  and is punished with an **administrative fine**.

## Exceptions

Meals, congratulatory or condolence money and gifts given for smooth performance of duties, socialising, courtesy
or support are allowed only **within the amounts set by the Enforcement Decree**. The amounts change from time to time:
check the **current figures** published by the Anti-Corruption and Civil Rights Commission.

## If you received something

Report it **without delay to the head of your organisation** and **return it** to the giver. Say no clearly.

> When in doubt, do not accept; if you did, report and return it at once.`,
};

const video: LessonContent = {
  kind: 'VIDEO',
  // A CC0 sample clip so the demo plays anywhere; replace it with your organisation's training video.
  url: 'https://interactive-examples.mdn.mozilla.net/media/cc0-videos/flower.mp4',
  requiredWatchPercent: 80,
};

const dilemma: LessonContent = {
  kind: 'DILEMMA',
  startNodeId: 'gift',
  nodes: [
    {
      id: 'gift',
      textKo:
        '추석 직전, 당신이 감독하는 공사의 시공업체 대표가 사무실로 한우 선물세트(약 20만 원)를 보내왔습니다. 카드에는 "늘 고생 많으십니다"라고 적혀 있습니다.',
      textEn:
        'Just before Chuseok, the head of the contractor whose construction work you supervise sends a Korean beef gift set (about 200,000 won) to your office, with a card saying "Thank you for all your hard work".',
      choices: [
        {
          id: 'keep',
          labelKo: '명절 인사이니 감사히 받는다',
          labelEn: 'Accept it: it is just a holiday greeting',
          feedbackKo:
            '감독 대상 업체는 직무관련자입니다. 직무와 관련된 금품등은 100만 원 이하라도 받을 수 없으며, 명절이라는 이유로 허용되지 않습니다.',
          feedbackEn:
            'A contractor you supervise is linked to your duties. Gifts linked to your duties are forbidden even below 1,000,000 won; a holiday is no exception.',
          next: 'kept',
        },
        {
          id: 'return',
          labelKo: '정중히 돌려보내고 소속기관장에게 신고한다',
          labelEn: 'Return it politely and report it to the head of your organisation',
          feedbackKo: '올바른 선택입니다. 받은 금품등은 지체 없이 신고하고 반환해야 합니다.',
          feedbackEn: 'The right choice: report without delay and return what you received.',
          next: 'reported',
        },
        {
          id: 'share',
          labelKo: '부서 직원들과 나눠 먹는다',
          labelEn: 'Share it with your team',
          feedbackKo:
            '함께 나눠도 수수한 사실은 같습니다. 직무관련자가 보낸 선물은 돌려보내고 신고해야 합니다.',
          feedbackEn:
            'Sharing it does not change that it was accepted. A gift from someone linked to your duties must be returned and reported.',
          next: 'kept',
        },
      ],
    },
    {
      id: 'kept',
      textKo: '한 달 뒤 감사에서 선물 수수가 확인되었습니다. 이제라도 할 수 있는 일은 무엇일까요?',
      textEn: 'A month later an audit finds out about the gift. What can you still do?',
      choices: [
        {
          id: 'report-late',
          labelKo: '사실대로 신고하고 반환한다',
          labelEn: 'Report it truthfully and return it',
          feedbackKo: '늦었지만 신고와 반환은 꼭 필요합니다. 처음부터 받지 않는 것이 가장 좋습니다.',
          feedbackEn:
            'Late, but reporting and returning are still required. Best of all is not to accept in the first place.',
          next: null,
        },
      ],
    },
    {
      id: 'reported',
      textKo: '업체 대표가 전화해 "작은 성의인데 너무하신다"고 서운해합니다.',
      textEn: 'The contractor calls, upset: "It was just a small token."',
      choices: [
        {
          id: 'explain',
          labelKo: '청탁금지법 때문에 받을 수 없다고 정중히 설명한다',
          labelEn: 'Explain politely that the law does not allow it',
          feedbackKo: '거절의 이유를 분명히 알리면 같은 일이 반복되지 않습니다.',
          feedbackEn: 'Explaining why prevents it from happening again.',
          next: null,
        },
      ],
    },
  ],
};

const pledge: LessonContent = {
  kind: 'PLEDGE',
  textKo:
    '나는 공직자로서 직무와 관련하여 어떠한 금품·향응도 받지 않으며, 부정한 청탁을 하거나 들어주지 않고, 알게 된 부패행위는 신고하여 청렴한 팔마시를 만드는 데 앞장설 것을 서약합니다.',
  textEn:
    'As a public official I pledge not to accept money, gifts or hospitality in connection with my duties, not to make or grant improper requests, and to report corruption I learn of, so that Palma stays clean.',
};

export const DEMO_LESSONS: {
  kind: LessonContent['kind'];
  titleKo: string;
  titleEn: string;
  section: 0 | 1;
  content: LessonContent;
}[] = [
  {
    kind: 'READING',
    titleKo: '금품등 수수 금지의 원칙',
    titleEn: 'The rule: no gifts',
    section: 0,
    content: reading,
  },
  {
    kind: 'VIDEO',
    titleKo: '영상으로 보는 청렴 (예시 영상)',
    titleEn: 'Integrity on video (sample clip)',
    section: 0,
    content: video,
  },
  {
    kind: 'DILEMMA',
    titleKo: '상황극: 명절 선물',
    titleEn: 'Scenario: a holiday gift',
    section: 1,
    content: dilemma,
  },
  { kind: 'PLEDGE', titleKo: '청렴 서약', titleEn: 'Integrity pledge', section: 1, content: pledge },
  {
    kind: 'QUIZ',
    titleKo: '확인 퀴즈: 청렴 기본',
    titleEn: 'Final quiz: integrity basics',
    section: 1,
    content: { kind: 'QUIZ', quizId: DEMO_QUIZ_ID },
  },
];
