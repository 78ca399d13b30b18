/** The scenario as the player needs it (the generated DilemmaContent has these fields). */
export interface WalkChoice {
  id: string;
  next: string | null;
}
export interface WalkNode<C extends WalkChoice = WalkChoice> {
  id: string;
  choices: readonly C[];
}
export interface WalkScenario<N extends WalkNode = WalkNode> {
  startNodeId: string;
  nodes: readonly N[];
}

/** Where the learner is: the choices taken so far, and whether the last one's feedback is open. */
export interface DilemmaWalk {
  path: readonly string[];
  feedbackOpen: boolean;
}

type ChoiceOf<N> = N extends WalkNode<infer C> ? C : never;

/** What to show for a walk. */
export type DilemmaStep<N extends WalkNode> =
  /** A scene and its choices. */
  | { phase: 'choosing'; node: N }
  /** The feedback of the choice just taken; `ending`: continuing finishes the scenario. */
  | { phase: 'feedback'; node: N; choice: ChoiceOf<N>; ending: boolean }
  /** The scenario is over; `node` is the closing scene, if the last choice led to one. */
  | { phase: 'ended'; node: N | null }
  /** The path does not fit the scenario (it changed, or the start is missing). */
  | { phase: 'broken' };

export const freshWalk = (): DilemmaWalk => ({ path: [], feedbackOpen: false });

function follow<N extends WalkNode>(
  scenario: WalkScenario<N>,
  path: readonly string[],
): { node: N | null; last: { node: N; choice: ChoiceOf<N> } | null } | null {
  const byId = new Map(scenario.nodes.map((n) => [n.id, n]));
  let node: N | null = byId.get(scenario.startNodeId) ?? null;
  if (!node) return null;
  let last: { node: N; choice: ChoiceOf<N> } | null = null;
  for (const choiceId of path) {
    if (!node) return null;
    const choice = node.choices.find((c) => c.id === choiceId) as ChoiceOf<N> | undefined;
    if (!choice) return null;
    last = { node, choice };
    if (choice.next === null) node = null;
    else {
      node = byId.get(choice.next) ?? null;
      if (!node) return null;
    }
  }
  return { node, last };
}

/** The step to show for a walk through a scenario. */
export function dilemmaStep<N extends WalkNode>(
  scenario: WalkScenario<N>,
  walk: DilemmaWalk,
): DilemmaStep<N> {
  const here = follow(scenario, walk.path);
  if (!here) return { phase: 'broken' };
  const atEnd = here.node === null || here.node.choices.length === 0;
  if (walk.feedbackOpen && here.last) {
    return { phase: 'feedback', node: here.last.node, choice: here.last.choice, ending: atEnd };
  }
  if (atEnd) return { phase: 'ended', node: here.node };
  return { phase: 'choosing', node: here.node as N };
}

/** Takes a choice of the current scene (anything else leaves the walk as it is). */
export function chooseInWalk(scenario: WalkScenario, walk: DilemmaWalk, choiceId: string): DilemmaWalk {
  const step = dilemmaStep(scenario, walk);
  if (step.phase !== 'choosing' || !step.node.choices.some((c) => c.id === choiceId)) return walk;
  return { path: [...walk.path, choiceId], feedbackOpen: true };
}

/** Closes the feedback and moves on to the next scene (or the end). */
export function continueWalk(walk: DilemmaWalk): DilemmaWalk {
  return { ...walk, feedbackOpen: false };
}

/**
 * Whether the choices taken walk the scenario from its start to an ending: a choice that ends it,
 * or a scene without choices (the same rule as the server's `walkDilemma`).
 */
export function isWalkComplete(scenario: WalkScenario, path: readonly string[]): boolean {
  const here = follow(scenario, path);
  return here !== null && (here.node === null || here.node.choices.length === 0);
}

/** A saved path, resumed on this device: kept if it still fits the scenario, else started over. */
export function resumeWalk(scenario: WalkScenario, saved: readonly string[] | null | undefined): DilemmaWalk {
  if (!saved || saved.length === 0) return freshWalk();
  return follow(scenario, saved) ? { path: [...saved], feedbackOpen: false } : freshWalk();
}
