/** The demo workspace in English. Everyone in it is fictional. */
import { bullets, h2, numbered, p } from '../templates/blocks';
import { demoGoal, type DemoScript } from './demoScript';

export const DEMO_EN: DemoScript = {
  workspaceName: 'Example — Care and services in partnership',
  people: {
    marie: { name: 'Marie Lavoie', role: 'person', permission: 'editor' },
    jean: { name: 'Jean Lavoie', role: 'caregiver', permission: 'editor' },
    roy: { name: 'Dr Sophie Roy', role: 'clinician', permission: 'editor' },
    karim: { name: 'Karim Haddad', role: 'peer_supporter', permission: 'editor' },
    luc: { name: 'Luc Gagnon', role: 'manager', permission: 'commenter' },
  },
  documents: [
    {
      key: 'care',
      title: 'Marie’s care trajectory',
      template: 'care-trajectory',
      daysAgo: 3,
      sections: [
        {
          author: 'marie',
          blocks: [
            h2('My life project, in my own words'),
            p('I want to live in my own apartment again and go back to work at the library, mornings at first. I want to see my granddaughter Léa every Sunday.'),
            h2('What matters to me'),
            bullets('Léa and my brother Jean', 'Books, and the people at the library', 'Walking by the river in the morning'),
          ],
        },
        {
          author: 'jean',
          blocks: [
            h2('Strengths and resources'),
            bullets('Marie knows her warning signs and says so early.', 'I live ten minutes away and can drive her to appointments.'),
          ],
        },
        { author: 'karim', blocks: [p('The peer support group meets on Tuesdays; Marie already knows two of its members.')] },
        {
          author: 'roy',
          blocks: (c) => [
            h2('Goals'),
            demoGoal(c, {
              by: 'marie',
              status: 'active',
              inDays: 90,
              ownWords: 'I want to shelve books again, mornings only.',
              reformulation: 'A gradual return to work, two mornings a week from March, reviewed after six weeks with the occupational therapist.',
            }),
            h2('Crisis and relapse-prevention plan'),
            bullets(
              'Early signs: sleeping less than five hours, stopping the morning walks.',
              'First step: Marie calls Karim or the clinic’s direct line.',
              'Jean may call the team if Marie agrees at that moment.',
            ),
          ],
        },
      ],
    },
    {
      key: 'policy',
      title: 'Welcome guide for families (draft for review)',
      template: 'structuring-document',
      daysAgo: 10,
      sections: [
        {
          author: 'luc',
          blocks: [
            h2('Purpose'),
            p('This guide tells families and friends what to expect when someone they love starts receiving care from our team, and how they can take part.'),
          ],
        },
        {
          author: 'jean',
          blocks: [
            h2('What families told us'),
            bullets('“We did not know whom to call in the evening.”', '“We want to be asked, not only informed.”', '“Give us the guide before the first appointment, not after.”'),
          ],
        },
        {
          author: 'karim',
          blocks: [
            h2('Your place in the team'),
            p('With the person’s agreement, a family caregiver can join care-plan meetings, read the shared plan and add what they see at home. The person decides what is shared, and can change their mind at any time.'),
          ],
        },
        {
          author: 'roy',
          blocks: [
            h2('Confidentiality'),
            p('Without the person’s consent, the team can still listen to you. It cannot share health information with you, except in an emergency where someone’s safety is at risk.'),
          ],
        },
      ],
    },
    {
      key: 'workshop',
      title: 'Workshop — improving the first appointment',
      template: 'workshop-record',
      daysAgo: 45,
      sections: [
        {
          author: 'you',
          blocks: [
            h2('Agenda'),
            numbered('Welcome and ground rules (10 min)', 'How did your first appointment go? (30 min)', 'Ideas in small groups (40 min)', 'Dot voting and next steps (20 min)'),
            h2('Participants'),
            bullets('Twelve people: five with experiential knowledge (people receiving care, family caregivers, a peer supporter), five with professional knowledge, two facilitators.'),
          ],
        },
        {
          author: 'karim',
          blocks: [
            h2('What came out of it'),
            bullets(
              'First priority (9 votes): send the welcome guide before the first appointment.',
              'Second (7 votes): a peer supporter at the first appointment, when the person wishes it.',
              'Third (4 votes): one phone number for evenings.',
            ),
          ],
        },
        {
          author: 'luc',
          blocks: [
            h2('Next steps'),
            bullets('Luc: finish the welcome guide with the committee, within a month.', 'Karim and Dr Roy: try peer presence at first appointments for three months.'),
          ],
        },
      ],
    },
  ],
  decisions: [
    {
      document: 'care',
      proposer: 'roy',
      title: 'Gradual return to work at the library',
      proposal: 'Marie goes back to work two mornings a week from March; we review after six weeks.',
      method: 'person-decides',
      engagement: 'partnership',
      positions: [
        { by: 'marie', stance: 'agree', reason: 'It is what I want, and two mornings is a good start.' },
        { by: 'jean', stance: 'reservations', reason: 'Fine by me, as long as the early starts do not disturb her sleep.' },
        { by: 'roy', stance: 'agree' },
      ],
      outcome: { status: 'adopted', outcome: 'Marie decided: two mornings a week from March.', reviewInDays: 42 },
    },
    {
      document: 'policy',
      proposer: 'luc',
      title: 'Give families the guide when the first appointment is booked',
      proposal: 'The guide is mailed or handed to families as soon as the first appointment is booked.',
      method: 'consent',
      engagement: 'collaborate',
      positions: [
        { by: 'jean', stance: 'agree' },
        { by: 'karim', stance: 'agree', reason: 'This is what families asked for at the workshop.' },
      ],
    },
    {
      document: 'workshop',
      proposer: 'you',
      title: 'Send the welcome guide before the first appointment',
      proposal: 'Adopt the workshop’s first priority and ask the committee to finish the guide.',
      method: 'consent',
      engagement: 'collaborate',
      positions: [
        { by: 'marie', stance: 'agree' },
        { by: 'jean', stance: 'agree' },
        { by: 'karim', stance: 'agree' },
        { by: 'roy', stance: 'reservations', reason: 'Agreed; we need a plain-language version first.' },
      ],
      outcome: { status: 'adopted', outcome: 'Adopted by consent at the workshop.', minorityView: 'A plain-language version comes first (Dr Roy).' },
    },
  ],
  review: {
    document: 'policy',
    versionName: 'Draft for review by the committee',
    message: 'Please read the draft and approve it, or tell us what to change.',
    signers: ['jean', 'karim', 'roy'],
    approvals: [{ by: 'karim', comment: 'Clear and warm. Approved.' }],
  },
};
