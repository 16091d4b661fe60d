/**
 * Proposing a decision: title, proposal, the information shared (options with benefits and
 * risks), the method, the level of engagement and who takes part; about the selected passage
 * when there was one.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { DECISION_LIMITS, DECISION_METHODS, ENGAGEMENT_LEVELS, type DecisionAnchor, type DecisionMethod, type EngagementLevel } from '../../../../shared/src/index';
import { api } from '../../api';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../ui/errorMessage';
import { TextField } from '../../ui/Field';
import { FormAlert, focusFirstInvalid } from '../../ui/FormAlert';
import { FormActions } from '../../ui/FormActions';
import { RadioGroup } from '../../ui/RadioGroup';
import { useLoad } from '../../ui/useLoad';
import { panelsApi } from '../panelsApi';
import { usePanelScope } from '../panelScope';
import { TextAreaField } from '../../ui/Field';
import { engagementExplainKey, engagementKey, methodExplainKey, methodKey } from './decisionLabels';
import { OptionsEditor, type OptionDraft } from './OptionsEditor';
import { ParticipantsField } from './ParticipantsField';

interface ProposeFormProps {
  anchor: DecisionAnchor | null;
  onCancel: () => void;
  onProposed: () => void;
}

export function ProposeForm({ anchor, onCancel, onProposed }: ProposeFormProps) {
  const { t } = useI18n();
  const { info } = usePanelScope();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const members = useLoad(() => api.listMembers(info.workspaceId), [info.workspaceId]);
  const [title, setTitle] = useState('');
  const [proposal, setProposal] = useState('');
  const [summary, setSummary] = useState('');
  const [options, setOptions] = useState<OptionDraft[]>([]);
  const [method, setMethod] = useState<DecisionMethod>('consent');
  const [engagement, setEngagement] = useState<EngagementLevel | 'none'>('none');
  const [participants, setParticipants] = useState<string[] | null>(null);
  const [errors, setErrors] = useState<{ title?: string; proposal?: string }>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => heading.current?.focus(), []);
  // Everyone who can open the document takes part unless the proposer says otherwise.
  const chosen = participants ?? (members.status === 'ready' ? members.data.members.map((m) => m.userId) : []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!title.trim()) found.title = t('decisions.titleRequired');
    if (!proposal.trim()) found.proposal = t('decisions.proposalRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setProblem(t('error.fixFields'));
      focusFirstInvalid(form.current);
      return;
    }
    const filled = options.filter((o) => o.title.trim());
    setBusy(true);
    setProblem(null);
    try {
      await panelsApi.proposeDecision(info.id, {
        title: title.trim(),
        proposal: proposal.trim(),
        ...(summary.trim() || filled.length > 0
          ? { informationShared: { summary: summary.trim() || undefined, options: filled.map((o) => ({ title: o.title.trim(), benefits: o.benefits.trim(), risks: o.risks.trim() })) } }
          : {}),
        ...(anchor ? { anchor } : {}),
        method,
        ...(engagement !== 'none' ? { engagement } : {}),
        participants: chosen,
      });
      onProposed();
    } catch (error) {
      setProblem(errorMessage(error, t));
      setBusy(false);
    }
  };

  return (
    <form ref={form} className="form panel-form panel-form--propose" aria-labelledby={headingId} noValidate onSubmit={(event) => void submit(event)}>
      <h4 id={headingId} ref={heading} tabIndex={-1} className="panel-form__title">
        {anchor ? t('decisions.proposeAboutPassage') : t('decisions.propose')}
      </h4>
      {anchor?.quote && <blockquote className="decision__quote">{anchor.quote}</blockquote>}
      <FormAlert message={problem} />
      <TextField label={t('decisions.titleLabel')} value={title} maxLength={DECISION_LIMITS.title} error={errors.title} onChange={(e) => setTitle(e.target.value)} />
      <TextAreaField label={t('decisions.proposalLabel')} hint={t('decisions.proposalHint')} value={proposal} maxLength={DECISION_LIMITS.proposal} error={errors.proposal} onChange={(e) => setProposal(e.target.value)} />
      <TextAreaField label={t('decisions.summaryLabel')} hint={t('decisions.summaryHint')} value={summary} maxLength={DECISION_LIMITS.summary} onChange={(e) => setSummary(e.target.value)} />
      <OptionsEditor options={options} onChange={setOptions} />
      <RadioGroup
        legend={t('decisions.method')}
        options={DECISION_METHODS.map((value) => ({ value, label: t(methodKey(value)), description: t(methodExplainKey(value)) }))}
        value={method}
        onChange={setMethod}
      />
      <RadioGroup
        legend={t('decisions.engagement')}
        options={[
          ...ENGAGEMENT_LEVELS.map((value) => ({ value, label: t(engagementKey(value)), description: t(engagementExplainKey(value)) })),
          { value: 'none' as const, label: t('decisions.engagement.none') },
        ]}
        value={engagement}
        onChange={setEngagement}
      />
      {members.status === 'ready' && <ParticipantsField members={members.data.members} chosen={chosen} onChange={setParticipants} />}
      <FormActions submitLabel={t('decisions.submitProposal')} busy={busy} onCancel={onCancel} />
    </form>
  );
}
