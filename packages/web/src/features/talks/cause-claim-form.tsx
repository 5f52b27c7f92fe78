import { useState } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { useSession } from '../../app/session.tsx';
import type { SourceRef } from '../../app/api-types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Field, Form, PartyPicker, SourcePicker, useForm } from '../../ui/form.tsx';
import { emptyWords, wordsBody, WordsFields } from '../statements/words-fields.tsx';

/**
 * A side's account of why a recorded status change happened, added after the change: a delegate speaks for their
 * own party (the server refuses another party's name), and the accounts already there stay as they were.
 */
export function CauseClaimForm({ meetingId, transition, onDone }: { meetingId: string; transition: number; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { process } = useProcess();
  const { me } = useSession();
  // The mediator records any side's account; a delegate is offered only the parties they speak for.
  const grants = me?.roles.filter((r) => r.processId === process.id) ?? [];
  const only = grants.some((r) => r.role === 'mediator') ? undefined : grants.flatMap((r) => (r.role === 'delegate' && r.partyId ? [r.partyId] : []));
  const [partyId, setPartyId] = useState(only?.length === 1 ? only[0]! : '');
  const [words, setWords] = useState(() => emptyWords(lang));
  const [sources, setSources] = useState<SourceRef[]>([]);
  // An account adds to the change's history and edits no version of the meeting, so no stale edit can arise.
  const form = useForm<{ version: number }>({
    send: () =>
      api.POST('/api/processes/{processId}/meetings/{id}/claims', {
        params: { path: { processId: process.id, id: meetingId } },
        body: { transition, claim: { partyId, ...wordsBody(words), sources } },
      }),
    onDone,
  });
  return (
    <Form form={form} label={t('talks.form.addAccount')} submitLabel={t('talks.form.addAccountSubmit')}>
      <Field name="claim/partyId" label={t('talks.form.accountParty')} error={form.fieldError('claim/partyId')} required>
        {(p) => <PartyPicker input={p} value={partyId} onChange={setPartyId} only={only} />}
      </Field>
      <WordsFields
        value={words}
        onChange={setWords}
        label={t('talks.form.accountText')}
        languageLabel={t('talks.form.accountLanguage')}
        names={{ text: 'claim/text', language: 'claim/language' }}
        max={2000}
        fieldError={form.fieldError}
      />
      <SourcePicker label={t('talks.form.accountSources')} value={sources} onChange={setSources} error={form.fieldError('claim/sources')} />
    </Form>
  );
}
