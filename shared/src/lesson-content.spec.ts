import { describe, expect, it } from 'vitest';
import { dilemmaContentSchema, dilemmaProblems, walkDilemma, type DilemmaNode } from './lesson-content.js';

const choice = (id: string, next: string | null) => ({
  id,
  labelKo: id,
  labelEn: id,
  feedbackKo: '',
  feedbackEn: '',
  next,
});
const node = (id: string, ...choices: ReturnType<typeof choice>[]): DilemmaNode => ({
  id,
  textKo: id,
  textEn: id,
  choices,
});

// gift ─ accept ─▶ (ending by choice: next null)
//      └ refuse ─▶ report ─ tell ─▶ praised (ending node)
const scenario = {
  startNodeId: 'gift',
  nodes: [
    node('gift', choice('accept', null), choice('refuse', 'report')),
    node('report', choice('tell', 'praised')),
    node('praised'),
  ],
};

describe('dilemma scenarios', () => {
  it('accepts a well-formed scenario', () => {
    expect(dilemmaProblems(scenario)).toEqual([]);
    expect(dilemmaContentSchema.safeParse({ kind: 'DILEMMA', ...scenario }).success).toBe(true);
  });

  it('finds dangling choices, unreachable nodes, duplicate ids and a missing start', () => {
    expect(dilemmaProblems({ startNodeId: 'gift', nodes: [node('gift', choice('a', 'nowhere'))] })).toEqual([
      'choice "a" of node "gift" leads to missing node "nowhere"',
      'no ending can be reached from the start',
    ]);
    expect(dilemmaProblems({ ...scenario, nodes: [...scenario.nodes, node('island')] })).toEqual([
      'node "island" cannot be reached from the start',
    ]);
    expect(dilemmaProblems({ startNodeId: 'x', nodes: [node('a'), node('a')] })).toEqual([
      'node id "a" is used twice',
      'start node "x" does not exist',
    ]);
  });

  it('refuses a loop with no way out', () => {
    const loop = { startNodeId: 'a', nodes: [node('a', choice('go', 'b')), node('b', choice('back', 'a'))] };
    expect(dilemmaProblems(loop)).toEqual(['no ending can be reached from the start']);
  });

  it('walks a learner path to an ending', () => {
    expect(walkDilemma(scenario, ['accept'])).toEqual(['gift']);
    expect(walkDilemma(scenario, ['refuse', 'tell'])).toEqual(['gift', 'report', 'praised']);
  });

  it('rejects incomplete, invalid or over-long paths', () => {
    expect(walkDilemma(scenario, [])).toBeNull();
    expect(walkDilemma(scenario, ['refuse'])).toBeNull();
    expect(walkDilemma(scenario, ['tell'])).toBeNull();
    expect(walkDilemma(scenario, ['accept', 'refuse'])).toBeNull();
    expect(walkDilemma(scenario, ['refuse', 'tell', 'tell'])).toBeNull();
  });
});
