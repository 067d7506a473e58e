// Package event is the last annotation stage: it turns what the earlier
// stages found (sentences, segments, mentions, times, quantities, claims)
// into ACLED-like event records in Document.Events — who did what to whom,
// where, when, with how many dead, and on whose word.
//
// # Scheme
//
// Types and sub-types are ACLED's, in snake case. The last five
// strategic-development sub-types are claimtrace's finer labels; [Labels]
// exports them as ACLED's "Other".
//
//	type                        sub_type
//	battles                     armed_clash, government_regains_territory,
//	                            non_state_actor_overtakes_territory
//	explosions_remote_violence  chemical_weapon, air_drone_strike, suicide_bomb,
//	                            shelling_artillery_missile_attack,
//	                            remote_explosive_landmine_ied, grenade
//	violence_against_civilians  sexual_violence, attack,
//	                            abduction_forced_disappearance
//	protests                    peaceful_protest, protest_with_intervention,
//	                            excessive_force_against_protesters
//	riots                       violent_demonstration, mob_violence
//	strategic_developments      agreement, arrests, change_to_group_activity,
//	                            disrupted_weapons_use,
//	                            headquarters_or_base_established,
//	                            looting_property_destruction,
//	                            non_violent_transfer_of_territory, other,
//	                            prisoner_transfer*, troop_movement*, patrol*,
//	                            curfew*, prison_break*   (* = extension)
//
// # Triggers
//
// The words that name events live in the lexicon, one list a language
// (data/<lang>/event_triggers.txt: en, nl, ar, fr, de, es, ru, tr); the
// format is documented at the top of each file. Each entry maps a word or
// phrase to a type/sub_type with flags (weak, kill, actors), or marks a
// context word (!neg, !hypo, !target, !agent, !party, !place, !civ,
// !stop). Matching
// runs on textnorm keys, so case, diacritics and Arabic letter forms do not
// matter; a trailing "*" makes a stem; Arabic words also match behind the
// proclitics و ف ب ل ك and the article ال ("والهجوم", "بالهجوم", "للجيش");
// a word with an apostrophe also matches by its parts ("l'attaque"). The
// longest match wins. A sentence uses its segment's language list, or all
// lists when that language has none.
//
// # From trigger to event
//
//   - One event per trigger, and one per type/sub-type in a sentence (the
//     later triggers merge into the first, adding their parties). Only the
//     sentence's strongest triggers count: a killing word ("killed",
//     "gedood", "مقتل") makes an event only when nothing else does, and
//     otherwise gives its number to the other event as fatalities; weak
//     words ("drone", "explosion", "transport") count only without a plain
//     trigger.
//   - Actors and targets: ORG, GPE and PERSON mentions with an entity in
//     the sentence, nearest first, at most Config.MaxParties a side; the
//     claim's speaker is never a party. A context word up to CueWindow
//     words before a name, within its clause, decides first: after the
//     trigger "against"/"on"/"op"/"على"/"ضد" make it a target and
//     "by"/"door"/"من قبل" an actor; "between"/"tussen"/"بين" make it an
//     actor and "in"/"bij"/"في" make a GPE a place anywhere. Otherwise a
//     name before the trigger acts (a target if a "by" follows the trigger:
//     passive); right after the trigger a GPE acts as an adjective ("frappe
//     aérienne israélienne", "غارة إسرائيلية") and an ORG followed by a
//     target word acts as a genitive ("هجوم داعش على"); other names after it
//     are targets, except GPEs, which are places.
//   - Type by parties (entries flagged "actors": attack, aanval, هجوم,
//     killed…): civilians named in the sentence and no armed target make it
//     violence_against_civilians/attack; an armed actor and an armed target
//     (ORG or GPE) make it battles/armed_clash; otherwise the listed type.
//   - Location: the most specific place mention of the sentence, else of
//     the paragraph (FACILITY > GPE > LOC > country, see
//     DefaultSpecificity), nearest on ties, with its coordinates; actors are
//     not places, targets may be ("Luftangriff auf Idlib").
//   - Time: the date nearest the trigger in the sentence, else in the
//     paragraph, else the publication date with TimeInferred (none without
//     one).
//   - Fatalities: quantities of class killed in the sentence, or numbers
//     within Config.KillWindow words of a killing word, go to the nearest
//     violent event; an event keeps the largest; a bound counts as its
//     value ("more than 200" → 200).
//   - Claim: the narrowest claim whose span holds the trigger; its
//     attribution and hedge are copied, and the event is Alleged when the
//     claim is hedged or attributed to anyone but the author.
//
// # What is not an event
//
// A trigger is dropped when a negation stands at most
// Config.NegationWindow words before it ("no attack", "geen aanval", "لم
// يقع أي هجوم", "n'a pas attaqué"), when a condition or threat stands
// earlier in the sentence ("if", "threatened to", "indien", "إذا"), and
// every trigger of a sentence that ends in a question mark is dropped
// (rhetorical questions insinuate). Not handled: negation after the trigger
// ("de aanval vond niet plaats"), Turkish verb-suffix negation, future
// tense and modal verbs, denials ("X denied the attack" is still an event),
// and events spread over several sentences (each sentence stands alone, so
// an article that says "the attack" ten times yields ten records of one
// attack; merging them is left to the link stage, which sees every source).
//
// The stage does not resolve coreference or event identity across
// documents (the link stage does) and never changes earlier layers.
package event
