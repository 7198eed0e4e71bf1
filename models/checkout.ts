/**
 * Order checkout, with payment as a saga. Categories the accounts model does not show:
 *   - failure modes of an external provider: declines, timeouts, and a timeout after
 *     which nobody knows whether the card was charged (reconcile, never guess);
 *   - idempotency keys as an identity decision: a retried charge is the same charge;
 *   - compensation: stock reserved for an order that is not paid is released, and a
 *     payment for an order that cannot be recorded is refunded;
 *   - a transactional outbox: the order and its "confirmed" message are written in one
 *     transaction, and a relay publishes at least once to consumers that deduplicate.
 */
import { defineMachine, defineStore, defineSystem } from '@plumbline/core'
import { assign, fromPromise, setup } from 'xstate'
import { z } from 'zod'

// ── The saga: the machine the order service runs ──────────────────────────────────────

/** The calls the saga makes; the service provides the real ones with `.provide({ actors })`. */
const notProvided = (name: string) =>
  fromPromise<void, { orderId: string }>(async () => {
    throw new Error(`${name} is provided by the order service`)
  })

export const checkoutMachine = setup({
  types: {
    context: {} as { stockReserved: boolean; charged: boolean; refunded: boolean; orderRecorded: boolean },
    events: {} as { type: 'PLACE_ORDER' } | { type: 'ABANDON' },
  },
  actors: {
    reserveStock: notProvided('reserveStock'),
    chargePayment: notProvided('chargePayment'),
    queryPayment: notProvided('queryPayment'),
    recordOrder: notProvided('recordOrder'),
    refundPayment: notProvided('refundPayment'),
    releaseStock: notProvided('releaseStock'),
  },
  delays: { paymentTimeout: 30_000, retryDelay: 60_000 },
}).createMachine({
  id: 'checkout',
  initial: 'cart',
  context: { stockReserved: false, charged: false, refunded: false, orderRecorded: false },
  states: {
    cart: { on: { PLACE_ORDER: 'reservingStock', ABANDON: 'abandoned' } },
    reservingStock: {
      invoke: {
        id: 'reserveStock',
        src: 'reserveStock',
        input: { orderId: 'order' },
        onDone: { target: 'charging', actions: assign({ stockReserved: true }) },
        onError: 'outOfStock',
      },
    },
    charging: {
      // The charge carries the order's idempotency key: a retry or a late duplicate is the same charge.
      invoke: {
        id: 'chargePayment',
        src: 'chargePayment',
        input: { orderId: 'order' },
        onDone: { target: 'recordingOrder', actions: assign({ charged: true }) },
        onError: 'releasingStock',
      },
      // No answer in time: the card may or may not have been charged. Ask, never guess.
      after: { paymentTimeout: 'reconciling' },
    },
    reconciling: {
      invoke: {
        id: 'queryPayment',
        src: 'queryPayment',
        input: { orderId: 'order' },
        // Done: the provider has a capture under our key. Error: it has none, so nothing was charged.
        onDone: { target: 'recordingOrder', actions: assign({ charged: true }) },
        onError: 'releasingStock',
      },
      // Ask again after a while. reenter: without it XState v5 takes no transition to the state
      // itself, and the query would never be retried (plumbline reported the event as unused).
      after: { retryDelay: { target: 'reconciling', reenter: true } },
    },
    recordingOrder: {
      // One transaction: the order row and its OrderConfirmed outbox message.
      invoke: {
        id: 'recordOrder',
        src: 'recordOrder',
        input: { orderId: 'order' },
        onDone: { target: 'confirmed', actions: assign({ orderRecorded: true }) },
        onError: 'refunding',
      },
    },
    refunding: {
      invoke: {
        id: 'refundPayment',
        src: 'refundPayment',
        input: { orderId: 'order' },
        onDone: { target: 'releasingStock', actions: assign({ refunded: true }) },
        onError: 'refundRetry',
      },
    },
    refundRetry: { after: { retryDelay: 'refunding' } },
    releasingStock: {
      invoke: {
        id: 'releaseStock',
        src: 'releaseStock',
        input: { orderId: 'order' },
        onDone: { target: 'cancelled', actions: assign({ stockReserved: false }) },
        onError: 'releaseRetry',
      },
    },
    releaseRetry: { after: { retryDelay: 'releasingStock' } },
    confirmed: { type: 'final' },
    cancelled: { type: 'final' },
    outOfStock: { type: 'final' },
    abandoned: { type: 'final' },
  },
})

const checkout = defineMachine({
  machine: checkoutMachine,
  never: {
    confirmedWithoutPayment: (snapshot) => snapshot.matches('confirmed') && !snapshot.context.charged,
    confirmedWithoutRecord: (snapshot) => snapshot.matches('confirmed') && !snapshot.context.orderRecorded,
    cancelledButCharged: (snapshot) =>
      snapshot.matches('cancelled') && snapshot.context.charged && !snapshot.context.refunded,
    cancelledWithStockHeld: (snapshot) => snapshot.matches('cancelled') && snapshot.context.stockReserved,
  },
  liveness: {
    // Every placed order is eventually paid, or ends with nothing charged (or the charge refunded).
    orderSettles: {
      when: (snapshot) => !snapshot.matches('cart'),
      then: (snapshot) =>
        snapshot.matches('confirmed') ||
        (snapshot.status === 'done' && (!snapshot.context.charged || snapshot.context.refunded)),
    },
  },
  fairness: {
    // Every call eventually answers and every timer fires: no event enabled throughout is ignored for ever.
    weak: 'all',
    // A refund or a release retried again and again eventually succeeds (a provider that refuses one for ever is
    // answered by hand, outside the saga).
    strong: ['xstate.done.actor.refundPayment', 'xstate.done.actor.releaseStock'],
  },
})

// ── Idempotent payments and the outbox, explored in a small scope ─────────────────────

type OrderId = 'o1' | 'o2'
type OrderStatus = 'open' | 'paid' | 'cancelled'

interface PaymentsState {
  orders: Record<OrderId, OrderStatus>
  /** The provider's ledger: one capture per idempotency key. */
  captures: Array<{ key: string; order: OrderId }>
  outbox: Array<{ id: string; order: OrderId; published: boolean }>
  /** Message ids the consumer has handled (it deduplicates by id). */
  consumed: string[]
}

/** The identity decision: a payment's idempotency key is derived from its order, so every retry reuses it. */
const idempotencyKey = (order: OrderId): string => `pay-${order}`

const captured = (state: PaymentsState, order: OrderId): boolean =>
  state.captures.some((capture) => capture.order === order)

const payments = defineStore({
  initial: { orders: { o1: 'open', o2: 'open' }, captures: [], outbox: [], consumed: [] } as PaymentsState,
  domains: { orders: ['o1', 'o2'] },
  operations: {
    charge: {
      description: 'The first attempt, or a retry after a timeout or a lost answer: the same key every time.',
      params: { order: 'orders' },
      target: { entity: 'Payment', by: ['idempotencyKey'] },
      guard: (state, { order }) => state.orders[order] === 'open',
      apply: (state, { order }): PaymentsState =>
        state.captures.some((capture) => capture.key === idempotencyKey(order))
          ? state
          : { ...state, captures: [...state.captures, { key: idempotencyKey(order), order }] },
    },
    confirmOrder: {
      description: 'One transaction: mark the order paid and add its OrderConfirmed message to the outbox.',
      params: { order: 'orders' },
      target: { entity: 'Order', by: ['id'] },
      guard: (state, { order }) => state.orders[order] === 'open' && captured(state, order),
      apply: (state, { order }): PaymentsState => ({
        ...state,
        orders: { ...state.orders, [order]: 'paid' },
        outbox: [...state.outbox, { id: `confirmed-${order}`, order, published: false }],
      }),
    },
    cancelOrder: {
      params: { order: 'orders' },
      target: { entity: 'Order', by: ['id'] },
      guard: (state, { order }) => state.orders[order] === 'open' && !captured(state, order),
      apply: (state, { order }): PaymentsState => ({ ...state, orders: { ...state.orders, [order]: 'cancelled' } }),
    },
    deliverMessage: {
      description:
        'The relay hands a message to the broker; it may crash before marking it published, so this can repeat.',
      params: { order: 'orders' },
      target: { entity: 'OutboxMessage', by: ['id'] },
      guard: (state, { order }) => state.outbox.some((message) => message.order === order && !message.published),
      apply: (state, { order }): PaymentsState => {
        const id = `confirmed-${order}`
        return state.consumed.includes(id) ? state : { ...state, consumed: [...state.consumed, id].sort() }
      },
    },
    markPublished: {
      params: { order: 'orders' },
      target: { entity: 'OutboxMessage', by: ['id'] },
      guard: (state, { order }) =>
        state.consumed.includes(`confirmed-${order}`) &&
        state.outbox.some((message) => message.order === order && !message.published),
      apply: (state, { order }): PaymentsState => ({
        ...state,
        outbox: state.outbox.map((message) => (message.order === order ? { ...message, published: true } : message)),
      }),
    },
  },
  invariants: {
    oneCapturePerOrder: (state) =>
      (['o1', 'o2'] as const).every((order) => state.captures.filter((capture) => capture.order === order).length <= 1),
    paidOrdersAreAnnounced: (state) =>
      (['o1', 'o2'] as const).every(
        (order) => state.orders[order] !== 'paid' || state.outbox.some((message) => message.order === order),
      ),
    publishedMessagesWereConsumed: (state) =>
      state.outbox.every((message) => !message.published || state.consumed.includes(message.id)),
  },
  never: {
    cancelledButCaptured: (state) =>
      (['o1', 'o2'] as const).some((order) => state.orders[order] === 'cancelled' && captured(state, order)),
  },
  effects: {
    retriesNeverChargeTwice: ({ before, after, operation }) =>
      operation !== 'charge' || after.captures.length - before.captures.length <= 1,
  },
})

// ── The system ─────────────────────────────────────────────────────────────────────────

const Money = z.object({ amount: z.int().positive(), currency: z.enum(['EUR', 'USD', 'GBP']) })
const NoBody = z.object({})

export default defineSystem({
  name: 'checkout',
  description:
    'Placing an order: reserve stock, charge the card through an external provider, record the order and announce it. ' +
    'Every step can fail; each failure has a stated answer, and a failed step after a success is compensated.',
  zones: {
    internet: { trust: 0, description: 'shoppers' },
    provider: { trust: 0, description: 'the payment provider, outside our control' },
    app: { trust: 1, description: 'our services' },
    data: { trust: 2, description: 'our databases and broker' },
  },
  components: {
    browser: { zone: 'internet', kind: 'actor', description: 'a shopper' },
    orders: { zone: 'app', kind: 'service', description: 'the order service: runs the checkout saga' },
    inventory: { zone: 'app', kind: 'service', description: 'stock levels and reservations' },
    payments: { zone: 'provider', kind: 'external', description: 'the payment provider' },
    ordersDb: { zone: 'data', kind: 'datastore', description: 'orders and the outbox table' },
    relay: { zone: 'app', kind: 'service', description: 'publishes outbox messages' },
    broker: { zone: 'data', kind: 'queue', description: 'order events for shipping and email' },
  },
  entities: {
    Order: {
      schema: z.object({
        id: z.uuid(),
        customerId: z.uuid(),
        total: Money,
        status: z.enum(['open', 'paid', 'cancelled']),
      }),
      identity: ['id'],
      unique: 'none',
    },
    Payment: {
      schema: z.object({
        idempotencyKey: z.string(),
        orderId: z.uuid(),
        amount: Money,
        providerChargeId: z.string().nullable(),
      }),
      identity: ['idempotencyKey'],
      unique: [['orderId'], ['providerChargeId']],
    },
    OutboxMessage: {
      schema: z.object({
        id: z.string(),
        orderId: z.uuid(),
        type: z.literal('OrderConfirmed'),
        publishedAt: z.iso.datetime().nullable(),
      }),
      identity: ['id'],
      unique: [['orderId', 'type']],
    },
  },
  contracts: {
    placeOrder: {
      from: 'browser',
      to: 'orders',
      auth: 'session',
      request: z.object({ cartId: z.uuid(), paymentMethod: z.string() }),
      response: z.object({ orderId: z.uuid(), status: z.enum(['confirmed', 'pending']) }),
      errors: { OutOfStock: z.object({ items: z.array(z.string()) }), CardDeclined: NoBody, CartChanged: NoBody },
    },
    reserveStock: {
      from: 'orders',
      to: 'inventory',
      auth: 'mTLS service identity',
      request: z.object({
        orderId: z.uuid(),
        items: z.array(z.object({ sku: z.string(), quantity: z.int().positive() })),
      }),
      response: z.object({ reservationId: z.string() }),
      errors: { OutOfStock: z.object({ items: z.array(z.string()) }) },
    },
    chargePayment: {
      from: 'orders',
      to: 'payments',
      auth: 'provider secret key',
      request: z.object({ idempotencyKey: z.string(), amount: Money, paymentMethod: z.string() }),
      response: z.object({ providerChargeId: z.string() }),
      errors: { CardDeclined: NoBody, IdempotencyConflict: NoBody },
    },
    releaseStock: {
      from: 'orders',
      to: 'inventory',
      auth: 'mTLS service identity',
      request: z.object({ reservationId: z.string() }),
      response: NoBody,
    },
  },
  flows: {
    placeOrder: {
      description: 'The happy path and every way off it.',
      machine: 'checkout',
      steps: [
        {
          from: 'browser',
          to: 'orders',
          contract: 'placeOrder',
          produces: ['cart', 'paymentMethod'],
          onError: {
            OutOfStock: 'show which items ran out; the cart is kept',
            CardDeclined: 'ask for another payment method; stock is released',
            CartChanged: 'show the new total and ask again',
          },
          event: 'PLACE_ORDER',
        },
        {
          from: 'orders',
          to: 'inventory',
          contract: 'reserveStock',
          consumes: ['cart'],
          produces: ['reservation'],
          onError: { OutOfStock: 'end the saga as outOfStock; answer OutOfStock' },
          onFailure: 'end the saga as outOfStock after 3 tries; nothing to compensate',
        },
        {
          from: 'orders',
          to: 'payments',
          contract: 'chargePayment',
          consumes: ['paymentMethod', 'reservation'],
          produces: ['charge'],
          onError: {
            CardDeclined: 'release the stock (compensation); answer CardDeclined',
            IdempotencyConflict: 'a different amount was sent under the same key: stop and alert; never charge again',
          },
          onFailure: 'timeout: ask the provider for the charge under the same key (reconcile) before deciding',
        },
        {
          from: 'orders',
          to: 'ordersDb',
          message: 'one transaction: insert order (paid) + outbox OrderConfirmed',
          auth: 'database role orders_rw',
          consumes: ['charge'],
          onFailure: 'refund the charge, then release the stock (compensation)',
        },
        {
          from: 'relay',
          to: 'ordersDb',
          message: 'read unpublished outbox messages',
          auth: 'database role outbox_relay',
          onFailure: 'retry on the next poll; messages wait in the table',
        },
        {
          from: 'relay',
          to: 'broker',
          message: 'publish OrderConfirmed (at least once)',
          auth: 'broker credentials (relay)',
          onFailure: 'leave it unpublished and retry; consumers deduplicate by message id',
        },
      ],
    },
  },
  machines: { checkout },
  stores: { payments },
  decisions: {
    atLeastOnce: {
      decision: 'Order events are delivered at least once; consumers deduplicate by message id',
      because: 'exactly-once delivery across a database and a broker needs the outbox anyway, and dedup is cheap',
    },
    ordersNotUnique: {
      decision: 'Orders have no natural key besides their id',
      because: 'one customer may place the same cart twice on purpose',
    },
  },
  outOfScope: ['shipping', 'partial refunds', 'currency conversion'],
})
