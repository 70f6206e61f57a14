/** Red, amber, green: how an action or a measure is doing; `none` until someone or something rates it. */
export const RAG_RATINGS = ['red', 'amber', 'green', 'none'] as const;
export type Rag = (typeof RAG_RATINGS)[number];

export function isRag(value: string): value is Rag {
  return (RAG_RATINGS as readonly string[]).includes(value);
}
