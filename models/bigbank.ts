/**
 * Imported from the Structurizr workspace "Big Bank plc - Internet Banking System" (big-bank-plc.json)
 * by plumbline import structurizr.
 *
 * Not mapped, or mapped under another name:
 * - 5 relationships Structurizr implies from others: plumbline render rolls relations up itself
 * - deployment node "Apache Tomcat" in "Live" is named "Apache Tomcat (bigbank-api***)": node names are unique within an environment
 * - views systemContextViews (1), containerViews (1), componentViews (1), deploymentViews (2): plumbline render draws every zoom level from the model instead (their layout and filters are not kept)
 * - imageViews (1)
 * - views.configuration: styles, themes, branding and terminology
 *
 * Source: Structurizr's Big Bank plc example (workspace 36141), from
 * https://github.com/structurizr/java (structurizr-client/src/test/resources/structurizr-36141-workspace.json),
 * Copyright Structurizr Limited, licensed under the Apache License 2.0
 * (https://www.apache.org/licenses/LICENSE-2.0). Imported unchanged above the line
 * "Plumbline's decisions" below; what follows it is Plumbline's, and decides what the
 * workspace leaves open:
 *   1. A customer's identity: the bank's customer number, never the username or e-mail.
 *   2. The reset URL is single-use and expiring: its token is unique, used at most once,
 *      and never after it expired (the resets store, explored state by state).
 *   3. When the mainframe is down, balances are shown as unavailable with the last known
 *      balance and its date; sign-in and password resets do not need it.
 */
import { defineStore, defineSystem } from '@plumbline/core'
import { z } from 'zod'

// ── Plumbline's decisions (not in the Structurizr workspace) ────────────────────────────

/** A password reset: the token in the single-use URL e-mailed to the customer. */
const PasswordReset = z.object({
  token: z.string(),
  customerNumber: z.string(),
  expiresAt: z.iso.datetime(),
  usedAt: z.iso.datetime().nullable(),
})

const Customer = z.object({
  customerNumber: z.string(),
  username: z.string(),
  email: z.email(),
})

type Resets = { issued: string[]; used: string[]; expired: string[] }

/** Reset tokens: issued once each, used at most once, never once expired. */
const resets = defineStore({
  initial: { issued: [], used: [], expired: [] } as Resets,
  domains: { tokens: ['t1', 't2'] },
  operations: {
    issue: {
      params: { token: 'tokens' },
      target: { entity: 'PasswordReset', by: ['token'] },
      guard: (s: Resets, { token }) => !s.issued.includes(token),
      apply: (s: Resets, { token }): Resets => ({ ...s, issued: [...s.issued, token] }),
    },
    use: {
      params: { token: 'tokens' },
      target: { entity: 'PasswordReset', by: ['token'] },
      guard: (s: Resets, { token }) =>
        s.issued.includes(token) && !s.used.includes(token) && !s.expired.includes(token),
      apply: (s: Resets, { token }): Resets => ({ ...s, used: [...s.used, token] }),
    },
    expire: {
      params: { token: 'tokens' },
      target: { entity: 'PasswordReset', by: ['token'] },
      guard: (s: Resets, { token }) =>
        s.issued.includes(token) && !s.used.includes(token) && !s.expired.includes(token),
      apply: (s: Resets, { token }): Resets => ({ ...s, expired: [...s.expired, token] }),
    },
  },
  invariants: {
    usedAtMostOnce: (s) => new Set(s.used).size === s.used.length,
    neverUsedOnceExpired: (s) => !s.used.some((token) => s.expired.includes(token)),
  },
})

// ── The workspace, as imported ──────────────────────────────────────────────────────────

export default defineSystem({
  name: 'Big Bank plc - Internet Banking System',
  description: 'The software architecture of the Big Bank plc Internet Banking System.',
  components: {
    'Back Office Staff': {
      kind: 'person',
      tags: ['Bank Staff'],
      description: 'Administration and support staff within the bank.',
    },
    'Customer Service Staff': {
      kind: 'person',
      tags: ['Bank Staff'],
      description: 'Customer service staff within the bank.',
    },
    'Personal Banking Customer': {
      kind: 'person',
      tags: ['Customer'],
      description: 'A customer of the bank, with personal bank accounts.',
    },
    'Mainframe Banking System': {
      kind: 'external',
      tags: ['Existing System'],
      description: 'Stores all of the core banking information about customers, accounts, transactions, etc.',
    },
    'E-mail System': {
      kind: 'external',
      tags: ['Existing System'],
      description: 'The internal Microsoft Exchange e-mail system.',
    },
    'Internet Banking System': {
      kind: 'system',
      description: 'Allows customers to view information about their bank accounts, and make payments.',
    },
    'API Application': {
      kind: 'container',
      partOf: 'Internet Banking System',
      technology: 'Java and Spring MVC',
      description: 'Provides Internet banking functionality via a JSON/HTTPS API.',
    },
    'Security Component': {
      kind: 'component',
      partOf: 'API Application',
      technology: 'Spring Bean',
      description: 'Provides functionality related to signing in, changing passwords, etc.',
    },
    'Mainframe Banking System Facade': {
      kind: 'component',
      partOf: 'API Application',
      technology: 'Spring Bean',
      description: 'A facade onto the mainframe banking system.',
    },
    'Accounts Summary Controller': {
      kind: 'component',
      partOf: 'API Application',
      technology: 'Spring MVC Rest Controller',
      description: 'Provides customers with a summary of their bank accounts.',
    },
    'Sign In Controller': {
      kind: 'component',
      partOf: 'API Application',
      technology: 'Spring MVC Rest Controller',
      description: 'Allows users to sign in to the Internet Banking System.',
    },
    'Reset Password Controller': {
      kind: 'component',
      partOf: 'API Application',
      technology: 'Spring MVC Rest Controller',
      description: 'Allows users to reset their passwords with a single use URL.',
    },
    'E-mail Component': {
      kind: 'component',
      partOf: 'API Application',
      technology: 'Spring Bean',
      description: 'Sends e-mails to users.',
    },
    'Mobile App': {
      kind: 'container',
      partOf: 'Internet Banking System',
      technology: 'Xamarin',
      tags: ['Mobile App'],
      description:
        'Provides a limited subset of the Internet banking functionality to customers via their mobile device.',
    },
    'Single-Page Application': {
      kind: 'container',
      partOf: 'Internet Banking System',
      technology: 'JavaScript and Angular',
      tags: ['Web Browser'],
      description: 'Provides all of the Internet banking functionality to customers via their web browser.',
    },
    Database: {
      kind: 'datastore',
      partOf: 'Internet Banking System',
      technology: 'Oracle Database Schema',
      tags: ['Database'],
      description: 'Stores user registration information, hashed authentication credentials, access logs, etc.',
    },
    'Web Application': {
      kind: 'container',
      partOf: 'Internet Banking System',
      technology: 'Java and Spring MVC',
      description: 'Delivers the static content and the Internet banking single page application.',
    },
    ATM: {
      kind: 'external',
      tags: ['Existing System'],
      description: 'Allows customers to withdraw cash.',
    },
  },
  relations: [
    {
      from: 'Back Office Staff',
      to: 'Mainframe Banking System',
      description: 'Uses',
    },
    {
      from: 'Customer Service Staff',
      to: 'Mainframe Banking System',
      description: 'Uses',
    },
    {
      from: 'Personal Banking Customer',
      to: 'Customer Service Staff',
      description: 'Asks questions to',
      technology: 'Telephone',
    },
    {
      from: 'Personal Banking Customer',
      to: 'Mobile App',
      description: 'Views account balances, and makes payments using',
    },
    {
      from: 'Personal Banking Customer',
      to: 'Internet Banking System',
      description: 'Views account balances, and makes payments using',
    },
    {
      from: 'Personal Banking Customer',
      to: 'Web Application',
      description: 'Visits bigbank.com/ib using',
      technology: 'HTTPS',
    },
    {
      from: 'Personal Banking Customer',
      to: 'Single-Page Application',
      description: 'Views account balances, and makes payments using',
    },
    {
      from: 'Personal Banking Customer',
      to: 'ATM',
      description: 'Withdraws cash using',
    },
    {
      from: 'E-mail System',
      to: 'Personal Banking Customer',
      description: 'Sends e-mails to',
    },
    {
      from: 'Internet Banking System',
      to: 'E-mail System',
      description: 'Sends e-mail using',
    },
    {
      from: 'Internet Banking System',
      to: 'Mainframe Banking System',
      description: 'Gets account information from, and makes payments using',
    },
    {
      from: 'Security Component',
      to: 'Database',
      description: 'Reads from and writes to',
      technology: 'SQL/TCP',
    },
    {
      from: 'Mainframe Banking System Facade',
      to: 'Mainframe Banking System',
      description: 'Makes API calls to',
      technology: 'XML/HTTPS',
    },
    {
      from: 'Accounts Summary Controller',
      to: 'Mainframe Banking System Facade',
      description: 'Uses',
    },
    {
      from: 'Sign In Controller',
      to: 'Security Component',
      description: 'Uses',
    },
    {
      from: 'Reset Password Controller',
      to: 'Security Component',
      description: 'Uses',
    },
    {
      from: 'Reset Password Controller',
      to: 'E-mail Component',
      description: 'Uses',
    },
    {
      from: 'E-mail Component',
      to: 'E-mail System',
      description: 'Sends e-mail using',
    },
    {
      from: 'Mobile App',
      to: 'Reset Password Controller',
      description: 'Makes API calls to',
      technology: 'JSON/HTTPS',
    },
    {
      from: 'Mobile App',
      to: 'Sign In Controller',
      description: 'Makes API calls to',
      technology: 'JSON/HTTPS',
    },
    {
      from: 'Mobile App',
      to: 'Accounts Summary Controller',
      description: 'Makes API calls to',
      technology: 'JSON/HTTPS',
    },
    {
      from: 'Single-Page Application',
      to: 'Accounts Summary Controller',
      description: 'Makes API calls to',
      technology: 'JSON/HTTPS',
    },
    {
      from: 'Single-Page Application',
      to: 'Sign In Controller',
      description: 'Makes API calls to',
      technology: 'JSON/HTTPS',
    },
    {
      from: 'Single-Page Application',
      to: 'Reset Password Controller',
      description: 'Makes API calls to',
      technology: 'JSON/HTTPS',
    },
    {
      from: 'Web Application',
      to: 'Single-Page Application',
      description: "Delivers to the customer's web browser",
    },
    {
      from: 'ATM',
      to: 'Mainframe Banking System',
      description: 'Uses',
    },
  ],
  flows: {
    SignIn: {
      description:
        'Summarises how the sign in feature works in the single-page application - diagram created with Structurizr.',
      steps: [
        {
          from: 'Single-Page Application',
          to: 'Sign In Controller',
          message: 'Submits credentials to',
        },
        {
          from: 'Sign In Controller',
          to: 'Security Component',
          message: 'Validates credentials using',
        },
        {
          from: 'Security Component',
          to: 'Database',
          message: 'select * from users where username = ?',
          onFailure: 'sign-in answers "try again later"; no token is issued',
        },
        {
          from: 'Database',
          to: 'Security Component',
          message: 'Returns user data to',
        },
        {
          from: 'Security Component',
          to: 'Sign In Controller',
          message: 'Returns true if the hashed password matches',
        },
        {
          from: 'Sign In Controller',
          to: 'Single-Page Application',
          message: 'Sends back an authentication token to',
        },
      ],
    },
    // Plumbline's: the flows the workspace draws only as relationships.
    'view balances': {
      description: 'A signed-in customer views their account balances.',
      steps: [
        { from: 'Single-Page Application', to: 'Accounts Summary Controller', message: 'Makes API calls to' },
        { from: 'Accounts Summary Controller', to: 'Mainframe Banking System Facade', message: 'Uses' },
        {
          from: 'Mainframe Banking System Facade',
          to: 'Mainframe Banking System',
          message: 'Makes API calls to',
          onFailure: 'balances are shown as unavailable, with the last known balance and its date',
        },
      ],
    },
    'reset password': {
      description: 'A customer asks for a single-use reset URL, sent by e-mail.',
      steps: [
        { from: 'Single-Page Application', to: 'Reset Password Controller', message: 'Makes API calls to' },
        { from: 'Reset Password Controller', to: 'Security Component', message: 'Uses', produces: ['token'] },
        {
          from: 'Security Component',
          to: 'Database',
          message: 'stores the token with its expiry',
          consumes: ['token'],
          onFailure: 'the customer is asked to try again; no e-mail is sent',
        },
        { from: 'Reset Password Controller', to: 'E-mail Component', message: 'Uses', consumes: ['token'] },
        {
          from: 'E-mail Component',
          to: 'E-mail System',
          message: 'Sends e-mail using',
          onFailure: 'the token expires unused; the customer may ask again',
        },
      ],
    },
  },
  entities: {
    Customer: { schema: Customer, identity: ['customerNumber'], unique: [['username'], ['email']] },
    PasswordReset: { schema: PasswordReset, identity: ['token'], unique: [['token']] },
  },
  stores: { resets },
  deployment: {
    Development: {
      nodes: {
        'Developer Laptop': {
          technology: 'Microsoft Windows 10 or Apple macOS',
          nodes: {
            'Docker Container - Database Server': {
              technology: 'Docker',
              nodes: {
                'Database Server': {
                  technology: 'Oracle 12c',
                  runs: ['Database'],
                },
              },
            },
            'Docker Container - Web Server': {
              technology: 'Docker',
              nodes: {
                'Apache Tomcat': {
                  technology: 'Apache Tomcat 8.x',
                  runs: ['Web Application', 'API Application'],
                },
              },
            },
            'Web Browser': {
              technology: 'Chrome, Firefox, Safari, or Edge',
              runs: ['Single-Page Application'],
            },
          },
        },
        'Big Bank plc': {
          technology: 'Big Bank plc data center',
          nodes: {
            'bigbank-dev001': {
              runs: ['Mainframe Banking System'],
            },
          },
        },
      },
    },
    Live: {
      nodes: {
        "Customer's mobile device": {
          technology: 'Apple iOS or Android',
          runs: ['Mobile App'],
        },
        'Big Bank plc': {
          technology: 'Big Bank plc data center',
          nodes: {
            'bigbank-web***': {
              technology: 'Ubuntu 16.04 LTS',
              instances: 4,
              nodes: {
                'Apache Tomcat': {
                  technology: 'Apache Tomcat 8.x',
                  runs: ['Web Application'],
                },
              },
            },
            'bigbank-db01': {
              technology: 'Ubuntu 16.04 LTS',
              nodes: {
                'Oracle - Primary': {
                  technology: 'Oracle 12c',
                  runs: ['Database'],
                },
              },
            },
            'bigbank-prod001': {
              runs: ['Mainframe Banking System'],
            },
            'bigbank-api***': {
              technology: 'Ubuntu 16.04 LTS',
              instances: 8,
              nodes: {
                'Apache Tomcat (bigbank-api***)': {
                  technology: 'Apache Tomcat 8.x',
                  runs: ['API Application'],
                },
              },
            },
            'bigbank-db02': {
              technology: 'Ubuntu 16.04 LTS',
              tags: ['Failover'],
              nodes: {
                'Oracle - Secondary': {
                  technology: 'Oracle 12c',
                  tags: ['Failover'],
                  runs: ['Database'],
                },
              },
            },
          },
        },
        "Customer's computer": {
          technology: 'Microsoft Windows or Apple macOS',
          nodes: {
            'Web Browser': {
              technology: 'Chrome, Firefox, Safari, or Edge',
              runs: ['Single-Page Application'],
            },
          },
        },
      },
      relations: [
        {
          from: 'Oracle - Primary',
          to: 'Oracle - Secondary',
          description: 'Replicates data to',
        },
      ],
    },
  },
  decisions: {
    verifiedInBranch: {
      decision:
        'A customer is verified when the account is opened in a branch, before internet banking exists for them',
      because: 'the bank verifies identity in person; internet banking only signs in customers it already knows',
      answers: { rule: 'pack:accounts', element: 'machines' },
    },
    oneRole: {
      decision: 'Internet banking has one role: the customer, who sees only their own accounts',
      because: 'staff work in the mainframe banking system, not through internet banking',
      answers: { rule: 'pack:accounts', element: 'entities.Customer.schema' },
    },
    trustZonesElsewhere: {
      decision: "The trust zones are the bank's network policy, not this model's",
      because: 'the workspace does not draw them, and the security team keeps them',
      answers: { rule: 'pack:accounts', element: 'zones' },
    },
    disposableDevelopmentDatabase: {
      decision: 'The development database runs once, on the developer laptop',
      because: 'it holds test data only, recreated from scripts when lost',
      answers: {
        rule: 'failure/single-instance',
        element:
          'deployment.Development.nodes["Developer Laptop"].nodes["Docker Container - Database Server"].nodes["Database Server"].runs[0]',
      },
    },
  },
})
