import type { ChecklistPack } from './types.js'

/**
 * The seed essay's five questions, the ones a generated login system never asked: should
 * emails be unique, should accounts be verified, should users reset passwords, should roles
 * exist, what is the security model. Worded as the essay words them, so a reader knows the
 * checklist. The first is identity/uniqueness-undecided's question: asked once, in the rule's
 * words, while the rule asks it.
 */
export const accountsPack: ChecklistPack = {
  name: 'accounts',
  description: 'User accounts: the five questions a login system must answer before its code is written.',
  entitiesWithField: ['email', 'password'],
  questions: [
    {
      question: 'Should {entity} emails be unique?',
      element: 'entities.{entity}.unique',
      answeredBy: [{ uniquenessOf: 'email' }],
      sameAs: { rule: 'identity/uniqueness-undecided', element: 'entities.{entity}' },
    },
    {
      question: 'Should {entity} accounts be verified?',
      element: 'machines',
      answeredBy: [{ state: 'verif' }, { field: 'verif' }],
    },
    {
      // A reset addressed by an email that may repeat resets every account sharing it:
      // the reset is decided only together with what finds the one account.
      question: 'Should users reset passwords, and by which unique field is the {entity} account found?',
      element: 'flows',
      answeredBy: [
        { allOf: [{ action: 'reset' }, { uniquenessOf: 'email' }] },
        { allOf: [{ action: 'forgot' }, { uniquenessOf: 'email' }] },
      ],
    },
    {
      question: 'Should roles exist for {entity} accounts, and what may each role do?',
      element: 'entities.{entity}.schema',
      answeredBy: [{ field: 'role' }, { field: 'permission' }],
    },
    {
      question: 'What is the security model: which trust zones are there, and who may call what across them?',
      element: 'zones',
      answeredBy: [{ zonesWithAuth: true }],
    },
  ],
}
