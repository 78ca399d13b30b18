import { CourseLimits } from '@palma/shared';

/** A scenario as the editor holds it (ids are generated; authors never type them). */
export interface DilemmaChoiceDraft {
  id: string;
  labelKo: string;
  labelEn: string;
  feedbackKo: string;
  feedbackEn: string;
  /** The next scene, or null when this choice ends the scenario. */
  next: string | null;
}

export interface DilemmaNodeDraft {
  id: string;
  textKo: string;
  textEn: string;
  /** None: the scene is an ending. */
  choices: DilemmaChoiceDraft[];
}

export interface DilemmaDraft {
  startNodeId: string;
  nodes: DilemmaNodeDraft[];
}

function freeId(prefix: string, taken: readonly string[]): string {
  for (let n = 1; ; n++) {
    const id = `${prefix}${n}`;
    if (!taken.includes(id)) return id;
  }
}

export function emptyDilemmaChoice(taken: readonly string[] = []): DilemmaChoiceDraft {
  return { id: freeId('c', taken), labelKo: '', labelEn: '', feedbackKo: '', feedbackEn: '', next: null };
}

export function emptyDilemmaNode(taken: readonly string[] = []): DilemmaNodeDraft {
  return { id: freeId('n', taken), textKo: '', textEn: '', choices: [emptyDilemmaChoice()] };
}

/** A new scenario: one opening scene with one choice that ends it. */
export function emptyDilemma(): DilemmaDraft {
  const start = emptyDilemmaNode();
  return { startNodeId: start.id, nodes: [start] };
}

export function canAddNode(draft: DilemmaDraft): boolean {
  return draft.nodes.length < CourseLimits.dilemmaNodesMax;
}

export function canAddChoice(node: DilemmaNodeDraft): boolean {
  return node.choices.length < CourseLimits.dilemmaChoicesMax;
}

/** Adds a scene at the end and returns it. */
export function addNode(draft: DilemmaDraft): DilemmaNodeDraft {
  const node = emptyDilemmaNode(draft.nodes.map((n) => n.id));
  draft.nodes.push(node);
  return node;
}

/**
 * Removes a scene. Choices that led to it keep pointing at it, so the live check shows them to the
 * author instead of silently turning them into endings.
 */
export function removeNode(draft: DilemmaDraft, nodeId: string): void {
  if (draft.nodes.length <= 1) return;
  draft.nodes = draft.nodes.filter((n) => n.id !== nodeId);
  if (draft.startNodeId === nodeId) draft.startNodeId = draft.nodes[0].id;
}

export function addChoice(node: DilemmaNodeDraft): DilemmaChoiceDraft {
  const choice = emptyDilemmaChoice(node.choices.map((c) => c.id));
  node.choices.push(choice);
  return choice;
}

export function removeChoice(node: DilemmaNodeDraft, choiceId: string): void {
  node.choices = node.choices.filter((c) => c.id !== choiceId);
}

export function cloneDilemma(draft: DilemmaDraft): DilemmaDraft {
  return {
    startNodeId: draft.startNodeId,
    nodes: draft.nodes.map((n) => ({ ...n, choices: n.choices.map((c) => ({ ...c })) })),
  };
}

type Translate = (key: string, named?: Record<string, unknown>) => string;

/** How the editor names scenes and choices ("장면 2", "선택지 1"), by their place in the list. */
export function dilemmaLabels(draft: DilemmaDraft, t: Translate) {
  const nodeIndex = new Map(draft.nodes.map((n, i) => [n.id, i]));
  function node(id: string): string {
    const index = nodeIndex.get(id);
    return index === undefined
      ? t('courses.dilemma.unknownNode', { id })
      : t('courses.dilemma.node', { n: index + 1 });
  }
  function choice(nodeId: string, choiceId: string): string {
    const owner = draft.nodes.find((n) => n.id === nodeId);
    const index = owner ? owner.choices.findIndex((c) => c.id === choiceId) : -1;
    return index < 0 ? `“${choiceId}”` : t('courses.dilemma.choice', { n: index + 1 });
  }
  return { node, choice };
}

/**
 * Translates one structural problem reported by the shared `dilemmaProblems()` (the same English
 * sentences the server sends on field "nodes"); an unknown sentence is shown as it is.
 */
export function describeDilemmaProblem(message: string, draft: DilemmaDraft, t: Translate): string {
  const label = dilemmaLabels(draft, t);
  let m: RegExpMatchArray | null;
  if ((m = message.match(/^node id "(.+)" is used twice$/)))
    return t('courses.dilemma.problems.duplicateNode', { node: label.node(m[1]) });
  if ((m = message.match(/^choice id "(.+)" is used twice in node "(.+)"$/)))
    return t('courses.dilemma.problems.duplicateChoice', { node: label.node(m[2]) });
  if ((m = message.match(/^choice "(.+)" of node "(.+)" leads to missing node "(.+)"$/)))
    return t('courses.dilemma.problems.missingNext', {
      node: label.node(m[2]),
      choice: label.choice(m[2], m[1]),
    });
  if (/^start node "(.+)" does not exist$/.test(message)) return t('courses.dilemma.problems.noStart');
  if ((m = message.match(/^node "(.+)" cannot be reached from the start$/)))
    return t('courses.dilemma.problems.unreachable', { node: label.node(m[1]) });
  if (message === 'no ending can be reached from the start') return t('courses.dilemma.problems.noEnding');
  return message;
}
