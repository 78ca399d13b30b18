import { walkDilemma } from '@palma/shared';
import { describe, expect, it } from 'vitest';
import {
  chooseInWalk,
  continueWalk,
  dilemmaStep,
  freshWalk,
  isWalkComplete,
  resumeWalk,
  type DilemmaWalk,
} from './dilemma-walk';

const node = (id: string, choices: { id: string; next: string | null }[] = []) => ({
  id,
  textKo: id,
  textEn: id,
  choices: choices.map((c) => ({ ...c, labelKo: c.id, labelEn: c.id, feedbackKo: '', feedbackEn: '' })),
});

// gift --accept--> (ends at once) ; gift --refuse--> report --tell--> praised (closing scene)
const scenario = {
  startNodeId: 'gift',
  nodes: [
    node('gift', [
      { id: 'accept', next: null },
      { id: 'refuse', next: 'report' },
    ]),
    node('report', [{ id: 'tell', next: 'praised' }]),
    node('praised'),
  ],
};

function walk(...choices: string[]): DilemmaWalk {
  return choices.reduce((w, id) => continueWalk(chooseInWalk(scenario, w, id)), freshWalk());
}

describe('the dilemma walk', () => {
  it('starts on the start scene with its choices', () => {
    const step = dilemmaStep(scenario, freshWalk());
    expect(step.phase).toBe('choosing');
    expect(step.phase === 'choosing' && step.node.id).toBe('gift');
  });

  it('shows the feedback of a choice before moving on to the next scene', () => {
    const chosen = chooseInWalk(scenario, freshWalk(), 'refuse');
    const feedback = dilemmaStep(scenario, chosen);
    expect(feedback).toMatchObject({ phase: 'feedback', node: { id: 'gift' }, choice: { id: 'refuse' } });
    expect(feedback.phase === 'feedback' && feedback.ending).toBe(false);

    const next = dilemmaStep(scenario, continueWalk(chosen));
    expect(next).toMatchObject({ phase: 'choosing', node: { id: 'report' } });
  });

  it('ends after a choice that ends the scenario, without a closing scene', () => {
    const chosen = chooseInWalk(scenario, freshWalk(), 'accept');
    expect(dilemmaStep(scenario, chosen)).toMatchObject({ phase: 'feedback', ending: true });
    expect(dilemmaStep(scenario, continueWalk(chosen))).toEqual({ phase: 'ended', node: null });
  });

  it('ends on a closing scene without choices and shows that scene', () => {
    expect(dilemmaStep(scenario, walk('refuse', 'tell'))).toMatchObject({
      phase: 'ended',
      node: { id: 'praised' },
    });
  });

  it('ignores a choice that is not on the current scene, and any choice while feedback is open', () => {
    expect(chooseInWalk(scenario, freshWalk(), 'tell')).toEqual(freshWalk());
    const open = chooseInWalk(scenario, freshWalk(), 'refuse');
    expect(chooseInWalk(scenario, open, 'tell')).toBe(open);
  });

  it('agrees with the server on which paths complete the scenario', () => {
    for (const path of [[], ['accept'], ['refuse'], ['refuse', 'tell'], ['tell'], ['accept', 'refuse']]) {
      expect(isWalkComplete(scenario, path), path.join('>')).toBe(walkDilemma(scenario, path) !== null);
    }
  });

  it('resumes a saved path that still fits, and starts over when the scenario changed', () => {
    expect(dilemmaStep(scenario, resumeWalk(scenario, ['refuse']))).toMatchObject({
      phase: 'choosing',
      node: { id: 'report' },
    });
    expect(resumeWalk(scenario, ['refuse', 'gone'])).toEqual(freshWalk());
    expect(resumeWalk(scenario, null)).toEqual(freshWalk());
  });

  it('reports a scenario whose start is missing as broken', () => {
    expect(dilemmaStep({ startNodeId: 'nope', nodes: scenario.nodes }, freshWalk())).toEqual({
      phase: 'broken',
    });
  });
});
