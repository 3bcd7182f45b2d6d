import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122000000Initial } from './Migration20261122000000_initial.js';
import { Migration20261122010000DurableTurns } from './Migration20261122010000_durable_turns.js';
import { Migration20261122020000OutboxDelivery } from './Migration20261122020000_outbox_delivery.js';
import { Migration20261203000000MessageOptions } from './Migration20261203000000_message_options.js';
import { Migration20261203100000AccessCounters } from './Migration20261203100000_access_counters.js';
import { Migration20261203120000MessageMedia } from './Migration20261203120000_message_media.js';
import { Migration20261203140000AgentConsole } from './Migration20261203140000_agent_console.js';
import { Migration20261203150000TicketRating } from './Migration20261203150000_ticket_rating.js';
import { Migration20261203160000Analytics } from './Migration20261203160000_analytics.js';
import { Migration20261203170000ShardEpochs } from './Migration20261203170000_shard_epochs.js';
import { Migration20261203180000ShardColumns } from './Migration20261203180000_shard_columns.js';
import { Migration20261204000000SnapshotJson } from './Migration20261204000000_snapshot_json.js';
import { Migration20261205000000TurnFactReading } from './Migration20261205000000_turn_fact_reading.js';
import { Migration20261206000000LeadAmendments } from './Migration20261206000000_lead_amendments.js';
import { Migration20261207120000TurnFactProduct } from './Migration20261207120000_turn_fact_product.js';
import { Migration20261207160000ConsoleActivity } from './Migration20261207160000_console_activity.js';
import { Migration20261207220000QuoteOwner } from './Migration20261207220000_quote_owner.js';
import { Migration20261208000000TurnFactProducts } from './Migration20261208000000_turn_fact_products.js';

/**
 * Every migration, in order. Listed explicitly (not globbed) so the same list works from `dist/`
 * and from `tsx`; the name is what the `mikro_orm_migrations` table records, so never rename one.
 */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261122000000_initial', class: Migration20261122000000Initial },
  { name: 'Migration20261122010000_durable_turns', class: Migration20261122010000DurableTurns },
  { name: 'Migration20261122020000_outbox_delivery', class: Migration20261122020000OutboxDelivery },
  { name: 'Migration20261203000000_message_options', class: Migration20261203000000MessageOptions },
  { name: 'Migration20261203100000_access_counters', class: Migration20261203100000AccessCounters },
  { name: 'Migration20261203120000_message_media', class: Migration20261203120000MessageMedia },
  { name: 'Migration20261203140000_agent_console', class: Migration20261203140000AgentConsole },
  { name: 'Migration20261203150000_ticket_rating', class: Migration20261203150000TicketRating },
  { name: 'Migration20261203160000_analytics', class: Migration20261203160000Analytics },
  { name: 'Migration20261203170000_shard_epochs', class: Migration20261203170000ShardEpochs },
  { name: 'Migration20261203180000_shard_columns', class: Migration20261203180000ShardColumns },
  { name: 'Migration20261204000000_snapshot_json', class: Migration20261204000000SnapshotJson },
  { name: 'Migration20261205000000_turn_fact_reading', class: Migration20261205000000TurnFactReading },
  { name: 'Migration20261206000000_lead_amendments', class: Migration20261206000000LeadAmendments },
  { name: 'Migration20261207120000_turn_fact_product', class: Migration20261207120000TurnFactProduct },
  { name: 'Migration20261207160000_console_activity', class: Migration20261207160000ConsoleActivity },
  { name: 'Migration20261207220000_quote_owner', class: Migration20261207220000QuoteOwner },
  { name: 'Migration20261208000000_turn_fact_products', class: Migration20261208000000TurnFactProducts },
];
