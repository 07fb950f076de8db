/** Messages between the VS Code layer (or any host) and the engine's worker thread. */
import type { PackedFile } from '../corpus/packed';
import type { EnginePhase } from './engine';
import type { SearchOptions, SearchResult } from '../search/types';
import type { DraftFormat } from '../cite/draft/syntax';
import type { TracedFigure } from '../trace/trace';

export interface WorkerOptions {
  /** Folder for the on-disk cache; undefined disables caching. */
  cacheDir?: string;
  /** The user's own jieba dictionary, merged with the shipped one. */
  userDictionary?: string;
  /** The user's metric alias file, merged with the shipped aliases (statcite.stats.metricAliases). */
  metricAliases?: string;
}

export type Request =
  | { id: number; type: 'sync'; paths: string[] }
  | { id: number; type: 'update'; paths: string[] }
  | { id: number; type: 'search'; query: string; options?: SearchOptions }
  /** Every figure typed in a draft, traced to the corpus (src/core/trace). */
  | { id: number; type: 'trace'; text: string; format: DraftFormat };

/** The host has taken the files up to the one that asked for this (see Event 'file'). */
export interface Ack {
  type: 'ack';
  seq: number;
}

/** The host is done with the worker: it ends itself, once its indexer thread has ended safely. */
export interface Stop {
  type: 'stop';
}

export type Reply =
  | { id: number; type: 'done'; value: unknown }
  | { id: number; type: 'failed'; message: string };

export type Event =
  /** A file read, packed (its bytes shared, not copied). With `ack`, the worker waits for an 'ack' with that seq before it sends more. */
  | { type: 'file'; file: PackedFile; ack?: number }
  | { type: 'removed'; path: string }
  | { type: 'progress'; done: number; total: number }
  | { type: 'phase'; phase: EnginePhase }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string };

export type Message = Reply | Event;

/** What each request resolves to. */
export interface Results {
  sync: void;
  update: void;
  search: SearchResult[];
  trace: TracedFigure[];
}
