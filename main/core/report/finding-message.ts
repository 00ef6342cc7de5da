import type { Message } from '../../contract/review.js';
import { messages } from '../messages.js';

/** A check's message in the report's language (the keys name their namespace, e.g. "checks:stackedPrepositions"). */
export function findingMessage(lng: string): (m: Message) => string {
  const t = messages().getFixedT(lng);
  return (m) => t(m.key, { ...(m.params ?? {}) });
}
