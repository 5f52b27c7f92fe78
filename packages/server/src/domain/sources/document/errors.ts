import { AppError, invalid, type ErrorReason } from '../../shared/app-error.ts';

type DocumentReason = Extract<
  ErrorReason,
  'document_empty' | 'document_not_text' | 'document_encoding_unknown' | 'html_too_deep' | 'html_too_large' | 'pdf_unreadable' | 'pdf_no_text'
>;

/** Every refusal of a document is about the uploaded file, so they all name the field `file`. */
export const refuse = (reason: DocumentReason, message: string) => invalid('file', reason, message);

export const tooLarge = (message: string, limit: number) => new AppError('too_large', 'document_too_large', message, { field: 'file', limit });
