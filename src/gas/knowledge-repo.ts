/** «База знаний»: articles and canned answers by topic (R11), written by the school. */
import type { Table } from './table';
import { readRecords, text } from './table';

export interface KnowledgeArticle {
  topic: string;
  question: string;
  answer: string;
  link: string;
  canned: boolean;
  public: boolean;
}

export function readKnowledge(table: Table): KnowledgeArticle[] {
  return readRecords(table, ['topic', 'question', 'answer', 'link', 'canned', 'public']).map(({ values }) => ({
    topic: text(values.topic).trim(),
    question: text(values.question).trim(),
    answer: text(values.answer),
    link: text(values.link).trim(),
    canned: values.canned === true,
    public: values.public === true,
  }));
}

/** Articles of one topic (compared as people write topics: case and ё/е do not matter). */
export function articlesOfTopic(articles: readonly KnowledgeArticle[], topic: string): KnowledgeArticle[] {
  const key = (t: string) => t.trim().toLowerCase().replace(/ё/g, 'е');
  return articles.filter((a) => a.question !== '' && key(a.topic) === key(topic));
}
