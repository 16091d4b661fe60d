/**
 * "Who can open this document" (owners): everyone in the workspace, or only the people chosen
 * (a crisis plan shared with the person, their caregiver and two clinicians), each with their own
 * permission on this document. The server enforces it everywhere; members left out get a plain
 * "not found", as if the document did not exist.
 */
import { useEffect, useState } from 'react';
import { PERMISSIONS, type DocumentAccessList, type Member, type Permission } from '../../../shared/src/index';
import { api } from '../api';
import { useMe } from '../auth/SessionProvider';
import { useI18n } from '../i18n/I18nProvider';
import { permissionKey, roleKey, upperFirst } from '../i18n/labels';
import { SelectField } from '../ui/Field';
import { LoadFailure, Loading } from '../ui/LoadFailure';
import { RadioGroup } from '../ui/RadioGroup';
import { errorMessage } from '../ui/errorMessage';
import { useLoad } from '../ui/useLoad';
import { FormDialog } from './FormDialog';
import { lifeApi } from './lifeApi';
import type { LifeDocument } from './documentActions';

interface AccessDialogProps {
  document: LifeDocument;
  onDone: (restricted: boolean) => void;
  onClose: () => void;
  fallbackFocus?: () => void;
}

type Choice = Permission | '';
interface Draft {
  restricted: boolean;
  choices: Record<string, Choice>;
}

const draftOf = (access: DocumentAccessList): Draft => ({
  restricted: access.restricted,
  choices: Object.fromEntries(access.people.map((p) => [p.userId, p.permission])),
});

export function AccessDialog({ document: doc, onDone, onClose, fallbackFocus }: AccessDialogProps) {
  const { t } = useI18n();
  const { user } = useMe();
  const data = useLoad(() => Promise.all([lifeApi.getAccess(doc.id), api.listMembers(doc.workspaceId)]), [doc.id, doc.workspaceId]);
  const members = data.status === 'ready' ? data.data[1].members : [];
  const [draft, setDraft] = useState<Draft | null>(null);
  useEffect(() => {
    if (data.status === 'ready') setDraft((current) => current ?? draftOf(data.data[0]));
  }, [data]);

  const submit = async (): Promise<string | null> => {
    if (!draft) return null;
    if (draft.restricted && !draft.choices[user.id]) return t('life.access.keepYourself');
    const people = Object.entries(draft.choices)
      .filter((entry): entry is [string, Permission] => entry[1] !== '' && members.some((m) => m.userId === entry[0]))
      .map(([userId, permission]) => ({ userId, permission }));
    try {
      const saved = await lifeApi.setAccess(doc.id, { restricted: draft.restricted, people });
      onDone(saved.restricted);
      return null;
    } catch (error) {
      return errorMessage(error, t);
    }
  };

  return (
    <FormDialog
      title={t('life.access.title', { title: doc.title })}
      intro={<p>{t('life.access.intro')}</p>}
      submitLabel={t('life.access.save')}
      onSubmit={draft ? submit : undefined}
      onClose={onClose}
      fallbackFocus={fallbackFocus}
      wide
    >
      {data.status === 'loading' && <Loading />}
      {data.status === 'failed' && <LoadFailure error={data.error} onRetry={data.reload} />}
      {draft && <AccessFields draft={draft} members={members} selfId={user.id} onChange={setDraft} />}
    </FormDialog>
  );
}

function AccessFields({ draft, members, selfId, onChange }: { draft: Draft; members: Member[]; selfId: string; onChange: (draft: Draft) => void }) {
  const { t } = useI18n();
  const self = members.find((m) => m.userId === selfId);
  const choose = (mode: 'everyone' | 'chosen') => {
    const restricted = mode === 'chosen';
    // Restricting starts with the owner on the list, so nobody locks themselves out by accident.
    const keepSelf = restricted && self && !draft.choices[selfId] ? { [selfId]: self.permission } : {};
    onChange({ restricted, choices: { ...draft.choices, ...keepSelf } });
  };
  const sameAs = (member: Member) =>
    draft.restricted ? t('life.access.cannotOpen') : t('life.access.asWorkspace', { permission: t(permissionKey(member.permission)) });

  return (
    <>
      <RadioGroup
        legend={t('life.access.who')}
        value={draft.restricted ? 'chosen' : 'everyone'}
        onChange={choose}
        options={[
          { value: 'everyone', label: t('life.access.everyone'), description: t('life.access.everyoneHint') },
          { value: 'chosen', label: t('life.access.chosen'), description: t('life.access.chosenHint') },
        ]}
      />
      <AccessSummary draft={draft} members={members} />
      <fieldset className="choice-group">
        <legend className="choice-group__legend">{draft.restricted ? t('life.access.peopleChosen') : t('life.access.peopleEveryone')}</legend>
        <ul className="access-list">
          {members.map((member) => (
            <li key={member.userId}>
              <SelectField
                label={`${member.displayName} (${t(roleKey(member.role))})${member.userId === selfId ? ` — ${t('people.you')}` : ''}`}
                value={draft.choices[member.userId] ?? ''}
                onChange={(event) => onChange({ ...draft, choices: { ...draft.choices, [member.userId]: event.target.value as Choice } })}
                options={[{ value: '', label: sameAs(member) }, ...PERMISSIONS.map((p) => ({ value: p, label: upperFirst(t(permissionKey(p))) }))]}
              />
            </li>
          ))}
        </ul>
      </fieldset>
    </>
  );
}

/** Who can open the document with the choices as they stand, in one or two sentences. */
function AccessSummary({ draft, members }: { draft: Draft; members: Member[] }) {
  const { t } = useI18n();
  const can: string[] = [];
  const cannot: string[] = [];
  for (const member of members) {
    const permission = draft.choices[member.userId] || (draft.restricted ? null : member.permission);
    if (permission) can.push(`${member.displayName} (${t(permissionKey(permission))})`);
    else cannot.push(member.displayName);
  }
  return (
    <div className="access-summary">
      <p className="access-summary__title">{t('life.access.summaryTitle')}</p>
      <p>{t('life.access.summaryCan', { names: can.join(', ') })}</p>
      {cannot.length > 0 && <p>{t('life.access.summaryCannot', { names: cannot.join(', ') })}</p>}
    </div>
  );
}
