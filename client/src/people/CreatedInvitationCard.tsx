/**
 * A new invitation, shown once: the link with a Copy button, and the short code in large type to
 * read aloud or print (printing shows only this card). Focus moves here when it appears.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { CreatedInvitation } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { lowerFirst, permissionKey, roleKey } from '../i18n/labels';
import { formatDate } from '../workspace/DocumentList';
import { StatusNote } from '../ui/FormAlert';

export function CreatedInvitationCard({ invitation, onClose }: { invitation: CreatedInvitation; onClose: () => void }) {
  const { t, language } = useI18n();
  const linkId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const link = useRef<HTMLInputElement>(null);
  const [copyNote, setCopyNote] = useState<string | null>(null);
  const joinAddress = `${new URL(invitation.url, location.origin).origin}/join`;

  useEffect(() => {
    heading.current?.focus();
    setCopyNote(null);
  }, [invitation.id]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(invitation.url);
      setCopyNote(t('invite.copied'));
    } catch {
      link.current?.select();
      setCopyNote(t('invite.copyFailed'));
    }
  };

  return (
    <section className="card invitation-created" aria-labelledby={`${linkId}-title`}>
      <h3 id={`${linkId}-title`} ref={heading} tabIndex={-1}>
        {t('invite.createdTitle')}
      </h3>
      <p>
        {t('invite.createdFor', {
          role: lowerFirst(t(roleKey(invitation.role))),
          permission: t(permissionKey(invitation.permission)),
          date: formatDate(invitation.expiresAt, language),
        })}
        {invitation.maxUses !== null && <> {t('invite.usesLimit', { count: invitation.maxUses })}</>}
      </p>
      <p className="note">{t('invite.shownOnce')}</p>
      <div className="field">
        <label className="field__label" htmlFor={linkId}>
          {t('invite.link')}
        </label>
        <div className="copy-row">
          <input
            ref={link}
            id={linkId}
            className="field__control"
            readOnly
            value={invitation.url}
            onFocus={(event) => event.target.select()}
          />
          <button type="button" className="button" onClick={() => void copy()}>
            {t('invite.copy')}
          </button>
        </div>
      </div>
      <StatusNote message={copyNote} />
      <div className="invitation-code">
        <p className="invitation-code__label">{t('invite.code')}</p>
        <p className="invitation-code__value">
          <span className="invitation-code__text" aria-hidden="true">
            {invitation.code}
          </span>
          {/* Read letter by letter, as it will be read aloud. */}
          <span className="visually-hidden">{[...invitation.code.replace('-', '')].join(' ')}</span>
        </p>
        <p>{t('invite.codeHelp', { address: joinAddress })}</p>
      </div>
      <div className="invitation-created__actions">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('invite.print')}
        </button>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </section>
  );
}
