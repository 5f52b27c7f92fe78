export { extractArticle, type ExtractedArticle } from './extract-article.ts';
export { filterBoilerplate, type Filtered } from './filter-boilerplate.ts';
