/**
 * What a column's name says about it. Names are the weakest evidence role inference has (a headerless
 * file has none, a typed header has more than a name), so every rule here is tried only after the
 * values have been read, and a name never makes a column something its values contradict.
 */

/** The types of the atomic-file convention (`user_id:token`, `rating:float`, `genre:token_seq`). */
export type DeclaredType = 'token' | 'float' | 'token_seq' | 'float_seq';

const TYPED_NAME = /^(.+?):(token_seq|float_seq|token|float)$/i;

/** The name without its `:type` suffix, and the declared type, if the header carries one. */
export function splitTypedName(name: string): { base: string; declared: DeclaredType | null } {
  const m = TYPED_NAME.exec(name.trim());
  return m ? { base: m[1], declared: m[2].toLowerCase() as DeclaredType } : { base: name, declared: null };
}

/** A name the reader made up because the file had none (`col_3`). */
export const GENERATED_NAME = /^col_(\d+)$/;
/** Columns 1…this of a headerless file are where logs put their keys (user and item come first in every format seen). */
export const LEADING_ID_COLUMNS = 4;

export const USER_NAME = /^(user|uid|user_?id|userid|member_?id|customer_?id|visitor_?id|reviewer_?id|account_?id)$/i;
export const ITEM_NAME = /^(item|iid|item_?id|itemid|video_?id|product_?id|movie_?id|news_?id|doc_?id|ad_?id|sku|asin|article_?id|song_?id|track_?id|book_?id|isbn|business_?id|photo_?id|post_?id)$/i;
export const TIME_NAME = /^(date|day|time|ts|timestamp|time_?ms|datetime|event_?time|created_?at|unix_?time)$/i;

/** Post-impression signals (watch time, dwell, counts of later actions): outcomes, so as features they would leak the label. */
export const ENGAGEMENT_NAME = /(play|watch|dwell|stay|view)_?(time|ms|sec|seconds|duration|ratio)|time_?spent|_count$|^n_|^(reward|revenue|gmv|spend|amount_?spent)$/i;

/** An explicit rating of the item by the user: the outcome of the impression, never a feature of it. */
export const RATING_NAME = /^(rating|ratings|stars?|user_?rating|review_?score|book_?rating|overall|grade|score)$/i;

/** A propensity or a logging policy's probability: how the row came to be logged, not an input. */
export const PROPENSITY_NAME = /(propensity|action_?prob|pscore|logging_?prob|behavior_?prob)/i;

/** Names of 0/1 columns that describe the impression, user or item (a one-hot slot, a flag, a slot position): features, not actions. */
export const FEATURE_NAME = /(feat|feature|onehot|one_hot|categorical|numerical|affinity|dummy|embedding|^cat_|^num_|^[cif]\d+$|(^|_)pos(ition)?$|_flag$|^flag_|^gender$|^sex$|_bin$|_range$)/i;

/** Names of actions a person takes on an impression; a 0/1 column so named is offered first as a target. */
export const ACTION_NAME = /(click|like|follow|comment|share|forward|buy|bought|purchase|convert|conversion|cart|order|finish|complete|label|target|^y$|skip|report|hate|favou?rite|save|subscribe|download|install|view|watch|play|open|reply|retweet|vote|engage|response|success|outcome|^is_)/i;
