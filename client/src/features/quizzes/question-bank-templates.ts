/** The columns of a question CSV, in the order of the template and of an export. */
export const QUESTION_CSV_COLUMNS = [
  'type',
  'category',
  'prompt_ko',
  'prompt_en',
  'option1',
  'option2',
  'option3',
  'option4',
  'option5',
  'option6',
  'option1_en',
  'option2_en',
  'option3_en',
  'option4_en',
  'option5_en',
  'option6_en',
  'answer',
  'explanation_ko',
  'explanation_en',
  'difficulty',
  'points',
  'tags',
] as const;

/** Korean headers the importer accepts as well. */
export const QUESTION_CSV_KOREAN_COLUMNS = [
  '유형',
  '분류',
  '문제',
  '문제(영어)',
  '보기1…보기6',
  '보기1(영어)…보기6(영어)',
  '정답',
  '해설',
  '해설(영어)',
  '난이도',
  '배점',
  '태그',
] as const;

export const QUESTION_CSV_TEMPLATE_NAME = 'palma-questions-template.csv';

/** The template: a BOM (so spreadsheet programs read Korean as UTF-8) and the header row. */
export function questionCsvTemplate(): string {
  return `\uFEFF${QUESTION_CSV_COLUMNS.join(',')}\r\n`;
}

/** A link target that downloads the template without asking the server. */
export function questionCsvTemplateHref(): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(questionCsvTemplate())}`;
}

/** A short GIFT file showing the common types (shown in the help, not translated: it is file content). */
export const GIFT_EXAMPLE = `$CATEGORY: 행동강령/기본

// 단일 선택: = 정답, ~ 오답, #뒤는 보기별 피드백
::책임관::기관에서 행동강령 상담과 위반 신고 접수를 맡는 사람은?{
=행동강령책임관
~감사관#감사 업무를 맡습니다.
~인사담당관
####행동강령책임관이 상담·교육과 신고 처리를 맡습니다.
}

// O/X: T(참) 또는 F(거짓)
행동강령 위반 행위는 누구든지 신고할 수 있다.{T}

// 단답형: 인정할 답을 모두 =로
'부정청탁 및 금품등 수수의 금지에 관한 법률'의 약칭은?{=청탁금지법 =김영란법}

// 짝 맞추기: =문항 -> 답
다음 용어와 뜻을 연결하시오.{
=직무관련자 -> 직무 수행으로 이익이나 불이익을 직접 받는 개인·단체
=행동강령책임관 -> 행동강령 운영을 책임지는 공무원
}`;

/** One CSV line in the template's columns, as an example in the help. */
export const CSV_EXAMPLE_ROWS = [
  'type,category,prompt_ko,option1,option2,option3,answer,difficulty,points,tags',
  '단일,행동강령/기본,행동강령 상담을 맡는 사람은?,행동강령책임관,감사관,인사담당관,1,보통,1,행동강령',
  '복수,행동강령/기본,직무관련자에게 요구하면 안 되는 것을 모두 고르시오.,이사 일손,업무 협의 회의 참석,자녀 숙제 대행,"1,3",어려움,2,',
  'OX,행동강령/기본,위반 행위는 누구든지 신고할 수 있다.,,,,O,쉬움,1,',
].join('\n');
