"""How sure: the stance of a source toward its content, hedges, basis and modality.

Every function here takes a ``Doc`` (or plain text) and a :class:`Claim` whose source,
cue and content spans are already known (from the attribution component, or from gold
annotations when evaluating), and reads the words in and around those spans:

- :func:`classify_stance`: assert, deny, downplay, conditional, no_comment or question;
- :func:`find_hedges`: hedge and evidential words, each with its carrier (the source when
  the word is part of what the source says, the reporter when the narrator adds it);
- :func:`classify_basis`: whether the text says what the claim rests on;
- :func:`classify_modality`: whether the content is expected/planned or happened;
- :func:`quantity_modality`: expected context for a quantity ("will send 500");
- :func:`find_comment_requests`: "X reached out to Y for comment" (not a claim).

The rules follow docs/guidelines-stance.md; the word lists live in
``claimtrace/data/stance_lexicon.json``. They need only the text; when the Doc has
part-of-speech tags (the trained pipeline) :func:`classify_modality` uses them to tell a
clause from a noun phrase.
"""

from __future__ import annotations

import functools
import logging
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc

from claimtrace.data import read_json
from claimtrace.errors import ModelNotFound
from claimtrace.extract.docview import DocView
from claimtrace.extract.transcripts import QUESTION as QUESTION_TURN
from claimtrace.extract.transcripts import QUESTION_LABELS, is_turn_source
from claimtrace.extract.verification import unverified_note
from claimtrace.model import (
    Basis,
    Claim,
    CommentRequest,
    Hedge,
    Modality,
    Quantity,
    Span,
    Stance,
)

log = logging.getLogger(__name__)

FIRST_PERSON_WINDOW = 3  # tokens between "I"/"we" and a belief verb ("I don't think")
CUE_GAP = 20  # characters around a cue in which a reporter's hedge still belongs to it
CONTENT_HEAD_TOKENS = 8  # content tokens read with the cue for refusals and deny phrases
CONTINUATIONS = frozenset(
    ["to", "for", "requests", "request", "comment", "comments", "questions", "calls", "messages"]
)
CLAIM_NOUNS = re.compile(
    r"\b(claims?|allegations?|accusations?|reports?|arguments?|characteri[sz]ations?|"
    r"assertions?|ideas?|notions?|suggestions?|charges?|stor(y|ies)|premise|assessments?|"
    r"findings?|conclusions?|account|version|narrative|rumou?rs?|speculation|criticism|"
    r"predictions?|comments?|remarks?|statements?|points?|implications?|theor(y|ies)|labels?|"
    r"descriptions?|attacks?|critiques?|insinuations?|innuendo|smears?|portrayals?|depictions?|"
    r"contentions?|myths?|term)\b"
)
NEGATED_CUE = re.compile(
    r"(\bnot|n't|\bnever|\bno longer|\brefus\w*|\bdeclin\w*|\bfail\w*)\s+(\w+\s+)?$"
)
#: deny cues that deny only when their object is a claim ("rejected the idea"), not a plan
#: or a person ("rejected the bill", "disavowed the KKK")
OBJECT_DENY_CUES = re.compile(
    r"\b(reject|disavow|repudiat|contradict|t[ao]\w* issue|rebuff|quash|squash|scotch|"
    r"sh(o|oo)t\w*\s+down|hit\w*\s+back\s+at)\w*"
)
#: session 8: doubting or challenging cues that deny only when their *direct* object is a
#: claim ("challenged the assertion that", "disagrees with the characterization", "questioned
#: the accuracy of the report"), not a person, a plan or a debate ("challenged him to a debate",
#: "questioned the wisdom of", "disagree over how")
DOUBT_CUES = re.compile(
    r"\b(challeng(e|ed|es|ing)|disagree(d|s|ing)?\s+with|question(ed|s|ing)?|doubt(ed|s|ing)?)\s*$"
)
DOUBTED_OBJECT = re.compile(
    r"^(the|this|that|these|those|his|her|their|its|our|my|your|such|any|[\w.-]+'s?)?\s*"
    r"([\w-]+\s+){0,2}?(claims?|allegations?|accusations?|assertions?|characteri[sz]ations?|"
    r"statements?|premise|notion|accuracy|veracity|validity|truthfulness|account|version|"
    r"narrative)\b"
)
#: session 11: a source that contradicts a person or what was said ("contradicted him",
#: "directly contradicted what Trump said about the incident")
CONTRADICTED_OBJECT = re.compile(
    r"^(him|her|them|me|us|you|what\s+([\w.'-]+\s+){1,4}?(said|says|claimed|claims|told|"
    r"wrote|stated|testified|asserted|argued|insisted))\b"
)
#: session 11: retreating from or standing against a claim: "backed away from a suggestion
#: that", "distanced herself from the remarks" (deny when the object is a claim, as a
#: disavowal), "defended himself against accusations of", "fought off the charges"
RETREAT_CUES = re.compile(
    r"\b(back(ed|s|ing)?\s+away\s+from|distanc(ed|es|ing)\s+(himself|herself|themselves|"
    r"itself|ourselves|myself)\s+from)\s*$"
)
DEFENDED_AGAINST = re.compile(
    r"\bdefen(d|ded|ds|ding)\s+((himself|herself|themselves|itself|ourselves|myself|him|her|"
    r"them|it|[\w.'-]+)\s+){0,3}?(against|from)\s+(the\s+|these\s+|those\s+|such\s+|"
    r"[\w.'-]+'s?\s+)?([\w-]+\s+){0,2}?(accusations?|allegations?|charges?|claims?|criticism|"
    r"criticisms|attacks|suggestions?|insinuations?|smears?)\b"
)
#: session 11: insisting on a negated main clause: "insisted that was not part of the deal",
#: "insists that these statements are not influenced by" (insisting answers a contrary claim);
#: not a refusal to come ("won't"), nor a not-knowing ("does not know")
INSIST_CUES = re.compile(r"\binsist(s|ed|ing)?\s*$")
NEGATED_MAIN = re.compile(
    r"^(that\s+)?(\"\s*)?(there\s*(is|was|are|were|'s)\s+no\b|"
    r"(none|nobody|no\s+one|nothing|neither)\s+([\w'-]+\s+){0,4}?(is|was|are|were|has|have|had|"
    r"did)\b|"
    r"no\s+([\w-]+\s+){1,2}?(is|was|are|were|has|have|had|exists?|existed)\b|([\w.'-]+\s+){1,6}?"
    r"((is|was|are|were|did|does|do|has|have|had)\s*(not|n't|never)|(isn't|wasn't|aren't|"
    r"weren't|didn't|doesn't|don't|hasn't|haven't|hadn't)|never)\b(?!\s+(know|knew|known|sure|"
    r"certain|aware)\b))"
)
#: session 11: "have no evidence to suggest that", "found no proof that" in the cue
NO_EVIDENCE_CUE = re.compile(r"\bno\s+(evidence|proof|indication)(\s+to\s+suggest)?\s*$")
CONCESSION_CUES = re.compile(r"\b(admit\w*|acknowledg\w*|conced\w*|confess\w*|accus\w*)\b")
NOUN_DISPUTE = re.compile(
    r"\b(an?|the|in|heated|legal|bitter|long-running)\s+(dispute|contest)s?\b"
)
#: "was dismissed on Monday" (fired), "dismiss the lawsuit" (a court): not a downplay
NON_DOWNPLAY_DISMISS = re.compile(
    r"\b(was|were|been|be|being)\s+dismissed\b(?!\s+as)"
    r"|\bdismiss\w*\s+(the\s+|a\s+|an\s+|his\s+|her\s+|its\s+|their\s+)?([\w-]+\s+)?"
    r"(case|cases|lawsuit|suit|charges?|complaint|appeal|jurors?|jury|juries|motions?|petitions?|indictments?|proceedings|"
    r"staff|employees|workers|officers|aides?)\b"
)
#: the object of a naming verb that is a person: "called Oz a quack", "dismissed him as"
PERSON_OBJECT = re.compile(
    r"^(him|her|them|me|us|you|himself|herself|themselves)\b"
    r"|^(?!(it|this|that|these|those|the|his|her|their|its)\b)[A-Z][\w.-]*(\s+[A-Z][\w.-]*){0,2}"
    r"(?!['’]s)(\s+(as\b|an?\s|[\"“‘'])|\s*$)",
)
#: the source denies what its own words were taken to mean: "I was not talking about him"
DENIED_MEANING = re.compile(
    r"\b(i|we|he|she|they)\s*(am|'m|are|'re|is|'s|was|were)\s*(not|n't)\s+(only\s+)?"
    r"(talking|speaking|referring)\b"
    r"|\b(i|we|he|she|they)\s+(did\s+not|didn't|never)\s+(mean|meant|say|said)\b"
)
NAMING_CUES = re.compile(
    r"\b(call|called|calls|calling|describ\w*|label\w*|dub\w*|term\w*|brand\w*|dismiss\w*)\b"
    r"(?!\s+(for|on|upon|out)\b)"
)
#: "is it a big deal? No." -- a significance question answered in the negative
RHETORICAL_MINIMISER = re.compile(
    r"\b(big|huge|major|serious)\s+(deal|problem|issue|thing)\s*\?\W*no\b"
)
#: "asked to explain the delay" with no source: the (unnamed) asker puts a question
ASKED_TO_SAY = re.compile(
    r"^to\s+(describe|explain|say|name|comment|clarify|address|respond|elaborate|identify|"
    r"specify|detail|discuss|assess|define|answer|evaluate|characteri[sz]e|predict|estimate|"
    r"confirm|weigh in)\b"
)
#: the source does not state what is asked of it: "has been unable to confirm", "is yet to
#: confirm", "could not independently verify", "gave no details of", "calls went unreturned"
NO_STATEMENT = re.compile(
    r"\b(unable|not|n't|yet|never|cannot|neither)\s+(to\s+)?(yet\s+)?(\w+ly\s+)?(confirm|verif)\w*"
    r"|\b(gave|give|gives|giving|provided|provides|provide|offered|offers|offer)\s+no\s+"
    r"(\w+\s+)?(details?|information|specifics|explanations?|reasons?|answers?|indication|"
    r"updates?|timeline|estimates?|clues?)\b"
)
#: the source says it does not state it: "(told TV) that he could neither confirm nor deny"
SELF_NO_STATEMENT = re.compile(
    r"^(that\s+)?(he|she|they|it|we|i)\s+((could|would|can|will|did|does|do|was|were|is|are|"
    r"has|have|had)\s+)?(not\s+|n't\s+|neither\s+|unable\s+to\s+)(\w+ly\s+)?"
    r"(confirm|verif|comment)"
)
#: a claim called untrue as a predicate or a quoted word, not an attribute ("an unfounded
#: theory"): "the reports are groundless", "called the reports “incorrect” and “unfounded”"
UNTRUE_PREDICATE = re.compile(
    r"(\b(is|was|are|were|be|been|being|as)\s+[\"']?\s*((\w+ly|all|completely|totally|entirely|"
    r"100(\s*(per\s*cent|percent|%))?|one\s+hundred\s+per\s*cent)\s+)?"
    r"|[\"']\s*)(unfounded|groundless|incorrect|erroneous|untrue|false|baseless|inaccurate)\b"
    r"|\b((is|was|are|were)\s+[\"']?\s*(not|n't)|isn't|wasn't|aren't|weren't)\s+[\"']?\s*"
    r"(((?!politically)\w+ly|entirely|wholly|at\s+all)\s+)?(correct|accurate|factual|genuine|"
    r"authentic)\b(?!\s+enough)"
)
#: a claim, statement or account said to be wrong, misleading or false: "those statements
#: were wrong", "the report is misleading", "deemed the claims false" (a policy or person
#: called wrong is an opinion)
CLAIM_CALLED_WRONG = re.compile(
    r"\b(claims?|statements?|reports?|facts|allegations?|accusations?|assertions?|"
    r"characteri[sz]ations?|stor(y|ies)|accounts?|recollections?|premise|figures|numbers)\s+"
    r"((is|was|are|were)\s+)?[\"']?\s*((\w+ly|all|just|simply|flat|dead|flat-out)\s+)?[\"']?\s*"
    r"(wrong|misleading|mistaken|false|untrue|inaccurate|incorrect|baseless|unfounded|groundless)\b"
)
UNRETURNED = re.compile(r"\b(unreturned|unanswered)\b")
#: session 12: "did not provide further details", "has not given any information" (a negated
#: giving verb + a statement noun, read over the cue and the content's first words)
NOT_PROVIDED = re.compile(
    r"\b(not|n't|never)\s+(yet\s+)?(\w+ly\s+)?(provid|giv|offer|shar)\w*\s+(any\s+)?"
    r"(further\s+|more\s+|additional\s+|other\s+|new\s+)?(details?|information|specifics|"
    r"explanations?|comments?|updates?|reasons?)\b"
)
#: session 12: a failed attempt to reach the source, said of the attempt: "messages left for
#: the mayor were not returned", "attempts to contact the landlord were unsuccessful", "an
#: email seeking comment was not answered" (the cue names the attempt, the content its fate)
CONTACT_ATTEMPT = re.compile(
    r"\b(messages?|calls?|emails?|e-mails?|attempts?|efforts?|requests?|queries|inquiries|"
    r"enquiries|voicemails?|texts?|letters?)\s+(\w+\s+)?(left\s+(for|with|at)|seeking|"
    r"to\s+(reach|contact|speak|get|obtain)|for\s+comment|(to|with)\s+(the|a|an|his|her|its|"
    r"their|[\w.-]+'s)\b|(sent|placed|made)\s+to)"
)
CONTACT_FAILED = re.compile(
    r"\b(unsuccessful|fruitless|in\s+vain|(not|n't|never)\s+(yet\s+)?(been\s+)?(\w+ly\s+)?"
    r"(returned|answered|successful)|failed|have\s+failed|has\s+failed)\b"
)
#: session 12: the source's own refusal reported in its content: "(said) it would not
#: speculate", "it does not comment on rumours", "it did not wish to comment", "he was not
#: in a position to comment", "I'm not going to talk about that", "they would not be
#: releasing further details"; the subject is a pronoun, as in :data:`SELF_NO_STATEMENT`
#: ("the army could not confirm", said by someone else, reports another's refusal: assert)
OWN_SUBJECT = r"(i|we|he|she|it|they)"
OWN_REFUSAL = re.compile(
    rf"^(that\s+)?(\"\s*)?({OWN_SUBJECT}\s+(\"\s*)?|(i'm|we're|they're|he's|she's|it's)\s+)"
    r"(((am|is|are|was|were|would|will|could|can|does|do|wo|ca)\s*)?(not|n't|never)\s+"
    r"((\w+ly|further|yet|currently)\s+)?"
    r"((wish|want|going|able|prepared|willing|in\s+a\s+position|be\s+able)\s+to\s+)?"
    r"|(did|does|do|has|had|have)\s*(not|n't)\s+(wish|want)\s+to\s+)"
    r"(be\s+)?(\w+ly\s+)?(comment\w*|speculat\w*|discuss(?!ed)\w*|elaborat\w*|"
    r"(?<=to\s)(talk|get|go)\s+(about|into)|"
    r"go(ing)?\s+into|disclos\w*|reveal\w*|divulg\w*|confirm\w*|verif\w*|"
    r"say\s+(more|anything\s+(more|further)|whether|how|when|why|what|who|if)|"
    r"releas\w*\s+(any\s+)?(further\s+|more\s+|other\s+)?(details?|information|names?))\b"
)
#: "it would be inappropriate to comment", "(said) it had nothing further to add", "it had
#: 'no comment at this time'"
OWN_NO_COMMENT = re.compile(
    rf"^(that\s+)?(\"\s*)?{OWN_SUBJECT}\s+(\"\s*)?("
    r"(would\s+be|was|is|'s)\s+(\w+\s+)?(inappropriate|premature|improper|unhelpful|wrong)\s+"
    r"(for\s+\w+\s+)?to\s+(comment|speculate|discuss|say|go\s+into|elaborate)"
    r"|(has|had|have)\s+(\"\s*)?(nothing\s+(further\s+|more\s+|else\s+)?to\s+(add|say)|"
    r"no\s+(immediate\s+|further\s+)?comment))\b"
)
#: "... and would not comment further", "but declined to elaborate" after an opening clause
#: of the same subject ("it was a private matter and would not comment further")
LATER_REFUSAL = re.compile(
    r"\b(and|but)\s+(would|will|could|did|does)\s*(not|n't)\s+(\w+\s+)?(comment|speculate|"
    r"elaborate)\b|\b(and|but)\s+declined\s+to\s+(comment|elaborate|say\s+more)\b"
)
#: "did not return to the squad", "has not returned home": a return to a place, not an answer
RETURNED_SOMEWHERE = re.compile(
    r"\breturn\w*\s+(to|home|from)\b(?!\s+(calls?|messages?|requests?|e-?mails?|queries)\b)"
)
#: the source does not tell what is asked: "did not say whether", "hasn't explained why",
#: "would not specify how many" (a negated telling verb before a wh-clause), or does not
#: disclose it at all: "did not reveal the amount", "has not disclosed her sources"
NEGATED_TELLING = re.compile(
    r"(\bnot|n't|\bnever|\byet\s+to)\s+(yet\s+|\w+ly\s+)?(say|said|saying|says|explain\w*|specif\w*|"
    r"indicat\w*|clarif\w*|detail\w*|elaborat\w*|tell|told|answer\w*|address\w*|"
    r"disclos\w*|reveal\w*|divulg\w*)(\s+\w+)?\s*$"
)
NEGATED_DISCLOSING = re.compile(
    r"(\bnot|n't|\bnever|\byet\s+to)\s+(yet\s+|\w+ly\s+)?(disclos\w*|reveal\w*|divulg\w*|"
    r"spell\w*\s+out)\b"
)
#: "did not directly respond to", "has not publicly commented" (an adverb inside the phrase)
NOT_RESPONDED = re.compile(
    r"\b(not|n't|never)\s+((yet\s+)?\w+ly\s+(respond|repl[yi]|return|answer|comment)|"
    r"yet\s+(respond|repl[yi]|answer|comment))\w*"
)
#: a negated will to state: "would not identify", "wouldn't directly speculate about", "won't
#: go into" (a refusal of the source's own; "could not say" is an inability, not matched)
WOULD_NOT_STATE = re.compile(
    r"\b(would|will|wo)(\s+not|n't)\s+(\w+ly\s+)?(comment|say|discuss|elaborate|confirm|"
    r"speculate|answer|specify|disclose|reveal|identify|name|detail|divulge|address|talk|"
    r"go\s+into|rule\s+out)\b"
)
#: session 11: the source withholds a statement of its own: "did not apologize (for)", "has
#: not apologized"; "did not release the amount", "have not publicly announced their choice"
#: (a piece of information, not "did not release the prisoners"; "has not yet released" is
#: about timing, session 8); "did not directly criticize
#: his opponent", "did not mention X by name" (avoiding an explicit statement, as "avoids
#: condemning"; a plain "did not mention X" is the narrator's remark and stays assert)
NOT_APOLOGIZED = re.compile(r"\b(not|n't|never)\s+(yet\s+)?(\w+ly\s+)?apologi[sz]\w*")
NOT_RELEASED = re.compile(
    r"\b(not|n't|never)\s+(\w+ly\s+)?(release[sd]?|announced?|"
    r"made\s+public|make\s+public|publish(ed)?)\s*$"
)
INFORMATION_OBJECT = re.compile(
    r"^(the|its|his|her|their|our|any|a|an)?\s*([\w-]+\s+){0,2}?(amount|figures?|numbers?|"
    r"names?|identit(y|ies)|details?|specifics|choice|decision|plans?|list|costs?|price|sum|"
    r"total|results?|date|terms|estimates?|location|reasons?|timeline|whereabouts)\b"
)
NOT_EXPLICIT = re.compile(
    r"\b(not|n't|never)\s+(directly|explicitly|specifically|openly|publicly|overtly)\s+"
    r"(criticiz|criticis|condemn|mention|discuss|address|name|attack|blame|acknowledg|"
    r"endors|rebuk)\w*"
)
OFFERED_STATEMENT = re.compile(
    r"^\s*(,[^,]{0,40},\s*)?to\s+(offer|give)\s+(\w+\s+){0,3}?(figures?|estimates?|"
    r"explanations?|details?|specifics|comments?|views?|opinions?|assessments?|accounts?|"
    r"timelines?|numbers?|names?|reasons?|evidence|answers?|responses?|predictions?|"
    r"forecasts?|positions?|endorsements?|apolog(y|ies)|assurances?|guarantees?)\b"
)
#: a lie named with an adjective: "a bald-faced lie", "the big lie" (not "lie detector")
QUALIFIED_LIE = re.compile(r"\b(an?|the)\s+[\"']?\s*([\w-]+\s+){1,2}lie\b(?!\s*(detector|down))")
#: a trying or hurrying cue whose content opens with the act: "sought to brush aside the
#: loss", "tried to skirt the question", "moved quickly to deny the report"
TRYING_CUE = re.compile(
    r"\b(sought|seeks?|seeking|tried|tries|try|trying|attempt\w*|moved|moves|hastened|"
    r"rushed|was\s+quick|were\s+quick|went\s+out\s+of\s+(his|her|their|its)\s+way)(\s+\w+ly)?"
    r"(\s+to)?\s*$"
)
#: refusing and evading acts after a trying cue ("tried to avoid answering")
TRIED_ACTS = re.compile(r"(avoid\w*|refrain\w*\s+from|evade|dodge|sidestep|skirt|duck)\b")
#: session 12: asking acts after a trying cue ("were quick to ask how", "rushed to question
#: whether"): the cue is read with the act, so the wh-clause makes it a question
ASKING_ACTS = re.compile(r"(ask|question|wonder|query|inquire|enquire)\b")
#: mocking or ridiculing cues: a downplay when what is mocked is a claim, worry or effort
#: ("mocked the idea that", "ridiculed concerns about"), an attack when it is a person
MOCK_CUES = re.compile(
    r"\b(mock\w*|ridicul\w*|derid\w*|lampoon\w*|scorn\w*|sneer\w*(\s+at)?|"
    r"(made|make|makes|making)\s+fun\s+of|laugh(ed|s|ing)?\s+at|jok(e|ed|es|ing)\s+about)\s*$"
)
MOCKED_OBJECT = re.compile(
    r"^(the|this|that|these|those|his|her|their|its|our|such|any|all|[\w.-]+'s?)?\s*"
    r"([\w-]+\s+){0,2}?(claims?|allegations?|accusations?|assertions?|ideas?|notions?|"
    r"suggestions?|concerns?|worries|fears?|warnings?|protestations|bluster|predictions?|"
    r"theor(y|ies)|reports?|efforts?|bids?|attempts?|complaints?|criticisms?|rumou?rs?|"
    r"stor(y|ies)|speculation)\b"
)
#: "made up their minds", "is made up of", "made up 36 percent": not a claim called made up
MADE_UP_OTHER = re.compile(
    r"made\s+up\s+(of|for|their|his|her|my|our|your|its|the|a|an|\d|just|only|about|nearly|"
    r"almost|roughly|around|most|much|half|over|under|with|some|more|less)\b|minds?\s+made\s+up"
)
#: a main clause under an inverted condition: "Were she to win, ...", "Had they known, ..."
INVERTED_CONDITION = re.compile(
    r"^\W*(that\s+)?(were|had)\s+(he|she|it|they|we|i|you)\s+(to|known|been|not)\b"
)
#: seeking to know: "are trying to determine whether", "investigating how" (a question when
#: a wh-clause follows the cue)
INQUIRY_CUES = re.compile(
    r"\b(try|tries|trying|tried|attempt\w*|seek\w*|sought|struggl\w*|working|want\w*)\s+to\s+"
    r"(understand|determine|establish|find\s+out|figure\s+out|work\s+out|ascertain|learn|"
    r"get\s+to\s+the\s+bottom\s+of|piece\s+together)\b"
    r"|\b(investigat\w*|looking\s+into|look\s+into|looks\s+into|looked\s+into|prob(e|es|ed|ing)|"
    r"examin\w*)\s*$"
)
#: session 11: an act of asking or questioning about a noun phrase (docs/guidelines-stance.md,
#: b10 and session 11 conventions): "was questioned about the dispute", "challenged Trump about
#: this line of attack", "pressed on what could bring him to run", "asked a direct question
#: about this", "has been asked this question"
ASKING_ABOUT = re.compile(
    r"\b(ask(ed|s|ing)?|question(ed|ing)|challeng(ed|es|ing|e)|press(ed|es|ing)|push(ed|es|ing)|"
    r"quizz(ed|es|ing)|grill(ed|s|ing)|quer(ied|ying))\b(\s+[\w.'-]+){0,3}?\s+"
    r"(about|over)\s*$"
)
ASKING_CUE_END = re.compile(
    r"\b(ask(ed|s|ing)?|questioned|challenged|pressed|pushed|quizzed|grilled|queried)"
    r"(\s+[\w.'-]+){0,3}?\s*$"
)
#: "asked a (direct) question", "has been asked this question", "asked questions about"
ASKED_QUESTION = re.compile(
    r"\bask(ed|s|ing)?\s+(\w+\s+){0,3}?(a|an|the|this|that|these|those|such|several|many|"
    r"some|tough|pointed|direct|\d+)?\s*([\w-]+\s+)?questions?\b"
)
#: an open question stated as such: "it's not clear whether", "it is unclear why", "cannot be
#: determined how many" (in the cue, or opening the content); "uncertain" only impersonal
#: ("it is uncertain whether"): "scientists are uncertain whether" is their own state, assert
_IT_IS = r"it\s*('s|is|was|remains|remained|has\s+been)\s+"
OPEN_QUESTION = re.compile(
    rf"^(that\s+)?(({_IT_IS}|(is|was|remains)\s+)?(still\s+|also\s+|not\s+yet\s+)?"
    r"(unclear|not\s+(entirely\s+|yet\s+)?clear|not\s+known|unknown|"
    r"(cannot|can\s+not|could\s+not|can't|couldn't)\s+be\s+(determined|established|confirmed)|"
    r"to\s+be\s+seen|anyone's\s+guess)"  # session 12: "it remains to be seen whether"
    rf"|{_IT_IS}(still\s+|also\s+)?uncertain"
    r"|(no\s+one|nobody)\s+(yet\s+|really\s+)?knows"  # session 12: "no one knows whether"
    r"|the\s+(big\s+|real\s+|key\s+|open\s+)?question\s+(now\s+)?(is|remains)(\s+now)?)"
    r"(\s+to\s+\w+)?\s+(exactly\s+|yet\s+|just\s+)?(whether|if|why|how|when|where|who|what|which)\b"
)
DETERMINERS = frozenset(["the", "his", "her", "their", "its", "this", "that", "these", "those"])
UNCLEAR_CUE = re.compile(
    rf"(\b(unclear|unknown)|\b{_IT_IS}(still\s+)?uncertain|\bnot\s+(entirely\s+|yet\s+)?(clear|known)|"
    r"\b(cannot|can\s+not|could\s+not|can't|couldn't)\s+be\s+(determined|established|"
    r"confirmed))\s*$"
)
#: the source asks in the first person: "We have to ask if ...", "I wonder whether ..."
FIRST_PERSON_ASK = re.compile(
    r"^(i|we)\s+([\w']+\s+){0,3}(ask|asking|wonder|wondering)\s+"
    r"(whether|if|why|how|what|who|where|when)\b"
)
#: a speaking participle that goes on from a deny/downplay cue of the same source:
#: "disputed the report, saying ...", "dismissed the claims, adding ..."
PARTICIPLE_CUE = re.compile(
    r"^(saying|adding|insisting|arguing|noting|explaining|stating|writing|telling)\b"
)
#: a claim, report or piece of media that the content calls fake: "the video appears to
#: have been a hoax", "the story is completely made up"
_MEDIA_NOUN_FIRST = (
    r"^(\W*[\w'-]+\s+){0,3}?(claims?|reports?|stor(y|ies)|rumou?rs?|videos?|footage|photos?|"
    r"images?|pictures?|news|articles?|tweets?|posts?|allegations?|accounts?|concerns?|"
    r"worries|fears?|criticisms?|charges?|accusations?|scandals?)\b"
)
MEDIA_NOUN_FIRST = re.compile(_MEDIA_NOUN_FIRST)
MEDIA_SUBJECT = re.compile(
    _MEDIA_NOUN_FIRST
    + r"(\s+(about|over|of|regarding|on|against)(\s+[\w.'-]+){1,6}?)?"  # "concerns about X"
    + r"\s+(is|was|are|were|(appears?|appeared|seems?|seemed)\s+to\s+(be|have\s+been))\s+"
)
NOT_CLEAR = re.compile(
    r"\b(?:not|n't|nor is it|nor was it|never)\s+(?:entirely\s+|yet\s+)?(clear)\b"
)


def _norm(text: str) -> str:
    """Lower-case with straight quotes; the same length as ``text`` so offsets carry over."""
    return (
        text.lower()
        .replace("\u2019", "'")
        .replace("\u2018", "'")
        .replace("\u201c", '"')
        .replace("\u201d", '"')
    )


def _pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        body = re.escape(_norm(phrase)).replace(r"\ ", r"\s+")
        left = "" if phrase[:1] in "'’" else r"(?<![\w-])"
        right = r"(?![\w-])" if phrase[-1:].isalnum() else ""
        parts.append(f"{left}{body}{right}")
    return re.compile("|".join(parts))


@functools.cache
def lexicon() -> dict[str, Any]:
    """The stance lexicons, with a compiled pattern ``<name>_rx`` for every word list."""
    data: dict[str, Any] = read_json("stance_lexicon.json")
    for key, value in list(data.items()):
        if isinstance(value, list | dict):
            data[f"{key}_rx"] = _pattern(value)
    return data


@functools.cache
def _blank():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def as_doc(doc_or_text: Doc | str) -> Doc:
    """A Doc for ``doc_or_text`` (plain text gets a blank tokenizer and sentencizer)."""
    return doc_or_text if isinstance(doc_or_text, Doc) else _blank()(doc_or_text)


def as_view(doc_or_text: Doc | str, view: DocView | None = None) -> DocView:
    """``view`` if given (built once per Doc by the component), else a view made now."""
    return view if view is not None else DocView.of(as_doc(doc_or_text))


def _text(doc_or_text: Doc | str, view: DocView | None) -> str:
    if view is not None:
        return view.text
    return doc_or_text if isinstance(doc_or_text, str) else doc_or_text.text


@functools.cache
def _hedge_patterns() -> tuple[dict[str, str], re.Pattern[str], dict[str, str], re.Pattern[str]]:
    """(words, pattern) for hedges in a cue (hedge words and belief verbs) and for the
    reporter's words around a cue (the hedge words listed as reporter hedges)."""
    lex = lexicon()
    hedge_words: dict[str, str] = lex["hedge_words"]
    cue_words = {**hedge_words, **lex["belief_verbs"]}
    reporter_words = set(lex["reporter_hedges"])
    gap_words = {w: c for w, c in hedge_words.items() if w in reporter_words}
    return cue_words, _pattern(cue_words), gap_words, _pattern(gap_words)


# --------------------------------------------------------------------------- regions


def _joined(spans: Iterable[Span]) -> str:
    return " ".join(s.text for s in spans)


def _window(claim: Claim) -> tuple[int, int] | None:
    spans = [*claim.source, *claim.cue, *claim.content]
    if not spans:
        return None
    return min(s.start for s in spans), max(s.end for s in spans)


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+|[?!.,;:\"“”]", _norm(text))


def _content_head(claim: Claim, n: int = CONTENT_HEAD_TOKENS) -> str:
    words = _words(_joined(claim.content))
    return " ".join(words[:n])


def _sentence_bounds(doc: Doc, start: int, end: int) -> tuple[int, int, int | None]:
    """(start, end) of the sentences covering [start, end) and the end of the next one."""
    return DocView.of(doc).sentence_bounds(start, end)


def _outside(text: str, start: int, end: int, spans: Iterable[Span]) -> str:
    """``text[start:end]`` with the given spans blanked out (offsets kept)."""
    chars = list(text[start:end])
    for sp in spans:
        for k in range(max(sp.start, start), min(sp.end, end)):
            chars[k - start] = " "
    return "".join(chars)


# --------------------------------------------------------------------------- stance


def _ends_with_question(text: str) -> bool:
    return text.rstrip(" \n\"'”’),.—-").endswith("?")


#: session 11: a concessive condition that opens the content: "(but) even if the tax cut
#: trades, ..." (its main statement is stated under it); "even if" inside the content stays
#: excluded
FRONTED_EVEN_IF = re.compile(r"^\W*(that\s+)?\W*((but|and|so|yet)\s+)?even\s+if$")
#: session 11: a discourse "if" that conditions the telling, not the statement: "if you look
#: at Iowa, ...", "if you read the report", "if you noticed, he didn't answer"
DISCOURSE_IF = re.compile(
    r"\s+(you|we|one)\s+(\w+ly\s+)?(look|looked|read|notice|noticed|listen|listened|watch|"
    r"watched|think\s+about|compare|compared|go\s+back|went\s+back|remember|recall|check|"
    r"checked|ask\s+me|asked\s+me)\b"
)


#: "explicitly, if anonymously, laying out": a concessive "if" + adverb (session 11)
CONCESSIVE_IF = re.compile(r"\s+\w+ly\s*[,\"']")


def _noun_phrase_before(text: str) -> bool:
    """The words before a condition marker are a noun phrase with no verb ("the headwinds
    ahead for Trump and Clinton [if they prevail]"): the condition restricts a noun, there is
    no main statement under it (session 11)."""
    return (
        re.match(r"^\W*(the|a|an|his|her|their|its|our|some|many)\s", text) is not None
        and FINITE.search(text) is None
        and not re.search(r"\b(would|could|should|might|may|must|will|can)\b", text)
    )


def _parenthetical_if(norm: str, m: re.Match[str]) -> bool:
    """A condition set off by commas between the subject and its modal verb: "the deal, if
    approved, would create ..." (session 12): the main statement is stated under it."""
    return re.search(r",\s*$", norm[: m.start()]) is not None and (
        re.match(r"[^,;.]{1,60},\s*(would|could|will|might|may|can|should)\b", norm[m.end() :])
        is not None
    )


def _is_conditional(content: str) -> bool:
    lex = lexicon()
    norm = _norm(content)
    for m in lex["conditional_markers_rx"].finditer(norm):
        marker = m.group(0)
        before = re.findall(r"[\w']+", norm[: m.start()])[-1:]
        after = re.findall(r"[\w']+", norm[m.end() :])[:1]
        if marker.startswith("as") and (
            re.match(r"\s*\d", norm[m.end() :]) or re.search(r"\bfor\s*$", norm[: m.start()])
        ):
            continue
        if marker == "if" and FRONTED_EVEN_IF.match(norm[: m.end()]):
            return True  # "Even if the tax cut trades, revenue would rise" (session 11)
        if marker == "if" and (
            (before and before[0] in lex["conditional_exclude_before"])
            or (after and after[0] in lex["conditional_exclude_after"])
            or DISCOURSE_IF.match(norm[m.end() :])
            or CONCESSIVE_IF.match(norm[m.end() :])
            or (_noun_phrase_before(norm[: m.start()]) and not _parenthetical_if(norm, m))
        ):
            continue
        return True
    if INVERTED_CONDITION.match(norm) or _inverted_condition(norm):
        return True  # "Were she to win, ...", "Should talks fail, ..."
    if FRONTED_CONDITION.match(norm) and re.search(r"\b(would|could|will|might|may)\b", norm):
        return True  # "If so, it would be the first case", "Otherwise, it would close"
    if _in_the_event_of(norm) or ASSUMING.search(norm) or _provided(norm):
        return True  # "in the event of relegation", "assuming the weather held"
    return re.search(r",\s+should\s+(he|she|it|they|we|you|i|the)\b", norm) is not None


#: session 12: an inverted condition with a noun phrase, fronted ("Should talks fail, ...",
#: "Were the allegations to be proven, ...", "Had the police known, ...") or after a main
#: clause with a modal ("strikes would follow should talks fail", "he would resign were the
#: report to be proved true"); not "they were the first to arrive"
_NP_START = r"(the|a|an|this|that|these|those|his|her|its|their|our|such|any|talks|negotiations)"
FRONTED_INVERSION = re.compile(
    r"^\W*(that\s+)?\W*(should\s+([\w.'-]+\s+){1,6}?[\w.'-]+|"
    rf"(were|had)\s+{_NP_START}\s+([\w.'-]+\s+){{0,4}}?(to\s+\w+|known|been|\w+ed|\w+en)\b"
    r"[^,;?]{0,60})\s*,"
)
_SUBJECT_AFTER = rf"({_NP_START}|he|she|it|they|we|you)\s+"
TRAILING_INVERSION = re.compile(
    r"\b(would|will|could|might|may)\b[^;.?!]*?[\s,](should\s+"
    + _SUBJECT_AFTER
    + r"([\w'-]+\s+){0,3}?(fail|fall|collapse|prove|go|happen|occur|break|win|lose|decide|refuse|"
    r"continue|become|turn|come|take|get|be|want|choose|agree|reject|approve|pass|succeed|"
    r"remain|stay|resign|need)\b|were\s+"
    + _SUBJECT_AFTER
    + r"(?!(first|last|only|next|\w+est)\b)([\w'-]+\s+){0,3}?to\s+\w+)"
)
#: session 12: a fronted anaphoric condition: "If so, ...", "In that case, ...",
#: "Otherwise, ...", "Failing that, ..." (read with a modal in the main statement)
FRONTED_CONDITION = re.compile(
    r"^\W*(that\s+)?\W*(if\s+so|if\s+not|in\s+that\s+case|in\s+which\s+case|otherwise|"
    r"failing\s+that)\s*,"
)
#: "in the event of relegation"; "assuming the weather held" (a finite verb follows, not
#: "assuming the presidency")
IN_THE_EVENT_OF = re.compile(r"\bin\s+the\s+event\s+of\b")
ASSUMING = re.compile(
    r"\bassuming\s+(that\s+)?([\w.'-]+\s+){1,4}?(is|are|was|were|holds?|held|goes|went|can|"
    r"will|would|does|do|did|has|have|had)\b"
)
#: "provided both sides compromise": "provided" + a clause, not "(had) provided the funds"
PROVIDED = re.compile(
    rf"\bprovided\s+(that\s+)?({_NP_START}|he|she|it|they|we|you|both|all|there|enough)\b"
)


def _fronted_part(claim: Claim) -> bool:
    """A content in parts whose first part is a fronted condition ("Should talks fail," the
    union warned, "strikes would follow"; "Otherwise," the bank said, "it would ..."), with
    a modal in the rest, session 12."""
    if len(claim.content) < 2 or len(_words(claim.content[0].text)) > 10:
        return False
    first = _norm(claim.content[0].text).rstrip(" ,\"'") + ","
    if not (FRONTED_INVERSION.match(first) or FRONTED_CONDITION.match(first)):
        return False
    rest = _norm(_joined(claim.content[1:]))
    return re.search(r"\b(would|could|will|might|may|can|cannot)\b", rest) is not None


def _in_the_event_of(norm: str) -> bool:
    """ "in the event of" after a modal of the main statement ("the player would be sold in
    the event of relegation"), not inside a wh-clause ("to think about what they would do in
    the event of an earthquake"), session 12."""
    m = IN_THE_EVENT_OF.search(norm)
    if not m:
        return False
    before = norm[: m.start()]
    return re.search(r"\b(would|will|could|might|may|can)\b", before) is not None and not re.search(
        r"\b(what|how|whether|why|where|when|which)\b", before
    )


def _inverted_condition(norm: str) -> bool:
    """An inverted condition on the main statement (:data:`FRONTED_INVERSION`,
    :data:`TRAILING_INVERSION`), session 12."""
    return bool(FRONTED_INVERSION.match(norm) or TRAILING_INVERSION.search(norm))


def _provided(norm: str) -> bool:
    """ "provided" introducing a condition ("a deal could be reached provided both sides
    compromise"): not the verb after an auxiliary or a subject ("had provided the funds",
    "it provided the funds"), and only with a modal in the main statement."""
    for m in PROVIDED.finditer(norm):
        before = re.findall(r"[\w']+", norm[: m.start()])
        if not before or before[-1] in AUX_OR_SUBJECT:
            continue
        if re.search(r"\b(would|could|will|can|might|may)\b", norm[: m.start()]):
            return True
    return False


AUX_OR_SUBJECT = frozenset(
    [
        "have",
        "has",
        "had",
        "be",
        "been",
        "being",
        "was",
        "were",
        "is",
        "are",
        "am",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "who",
        "which",
        "that",
        "and",
        "also",
        "already",
    ]
)


#: Set to 1 (or true/yes/on, or lr) to let the learned backup overturn the rules' ``assert``
#: by default; set to ``transformer`` to use the optional fine-tuned MiniLM backup
#: (:mod:`claimtrace.extract.stance_transformer`, session 7) instead. Off since session 6: on
#: every held-out set the rules alone did as well or better (docs/results-stance-quantities.md,
#: "Session 6" and "Session 7").
BACKUP_ENV = "CLAIMTRACE_STANCE_BACKUP"
#: the learned backups: the logistic regression of :mod:`claimtrace.extract.stance_model`
#: and the fine-tuned transformer of :mod:`claimtrace.extract.stance_transformer`
BACKUP_KINDS = ("lr", "transformer")


def backup_kind() -> str | None:
    """The backup named by ``$CLAIMTRACE_STANCE_BACKUP``: ``lr`` for 1, true, yes, on or lr,
    ``transformer`` for transformer, None otherwise (no backup)."""
    value = os.environ.get(BACKUP_ENV, "").strip().lower()
    if value in ("1", "true", "yes", "on", "lr"):
        return "lr"
    if value == "transformer":
        return "transformer"
    if value not in ("", "0", "false", "no", "off", "none"):
        _warn_unknown_backup(value)
    return None


@functools.cache
def _warn_unknown_backup(value: str) -> None:
    """Say once per value that ``$CLAIMTRACE_STANCE_BACKUP`` names no backup (a typo would
    otherwise silently mean the rules alone)."""
    log.warning(
        "%s=%r names no stance backup (1/lr or transformer; 0 for none): using the rules alone",
        BACKUP_ENV,
        value,
    )


def backup_enabled() -> bool:
    """Whether :func:`classify_stance` consults a learned backup when not told: only when
    ``$CLAIMTRACE_STANCE_BACKUP`` names one (:func:`backup_kind`)."""
    return backup_kind() is not None


def classify_stance(
    doc_or_text: Doc | str,
    claim: Claim,
    *,
    backup: bool | None = None,
    kind: str | None = None,
) -> Stance:
    """The stance of the claim's source toward its content (docs/guidelines-stance.md): the
    rules' label. With ``backup`` (default: :func:`backup_enabled`, off), where the rules find
    nothing but ``assert``, a non-assert label of a learned backup when it is confident:
    ``kind`` ``lr`` (the default unless ``$CLAIMTRACE_STANCE_BACKUP`` says ``transformer``)
    is :mod:`claimtrace.extract.stance_model`, ``transformer`` the fine-tuned classifier of
    :mod:`claimtrace.extract.stance_transformer` (needs the ``accurate`` extra and a trained
    classifier; :class:`~claimtrace.errors.ModelNotFound` without them)."""
    rule = rule_stance(doc_or_text, claim)
    if rule is not Stance.ASSERT:  # the model may only overturn an assert: no need to ask it
        return rule
    if not (backup_enabled() if backup is None else backup):
        return rule
    from claimtrace.extract.stance_model import combine, predict_proba

    kind = kind or backup_kind() or "lr"
    if kind == "transformer":
        from claimtrace.extract.stance_transformer import load_classifier

        clf = load_classifier()
        if clf is None:
            raise ModelNotFound(
                "the transformer stance backup needs the accurate extra (pip install "
                "'claimtrace[accurate]') and a classifier trained by "
                "training/stance/train_stance_transformer.py (see its README)"
            )
        text = _text(doc_or_text, None)
        return combine(rule, clf.proba(text, claim), clf.threshold)
    if kind != "lr":
        raise ValueError(f"unknown stance backup {kind!r}: expected one of {BACKUP_KINDS}")
    return combine(rule, predict_proba(claim, rule, text=_text(doc_or_text, None)))


def _transcript_question(doc_or_text: Doc | str, claim: Claim) -> bool:
    """Whether ``claim`` is a question turn of an interview transcript ("Q: ...",
    "Interviewer: ..."; :mod:`claimtrace.extract.transcripts`), whatever its wording."""
    if len(claim.source) != 1 or len(claim.cue) != 1 or claim.cue[0].text not in (":", "."):
        return False
    if claim.source[0].text.lower() not in QUESTION_LABELS:
        return False
    turn = is_turn_source(_text(doc_or_text, None), claim.source[0])
    return turn is not None and turn.role == QUESTION_TURN


def rule_stance(doc_or_text: Doc | str, claim: Claim) -> Stance:
    """The stance decided by the rules alone (docs/guidelines-stance.md)."""
    if _transcript_question(doc_or_text, claim):
        return Stance.QUESTION  # "Q: Tell us about the plan." (an interview's question)
    lex = lexicon()
    claim = _act_moved_to_cue(doc_or_text, claim)
    cue = _norm(_joined(claim.cue))
    content = _joined(claim.content)
    words = _words(content)
    # no comment: "declined to comment", "did not respond", "refused to say" -- said of the
    # source by the cue, not reported by the source about someone else
    continuation = words[:1] and words[0] in CONTINUATIONS
    near = f"{cue} {_content_head(claim, 4) if continuation else ''}"
    phrase = lex["no_comment_phrases_rx"].search(near)
    if phrase and "return" in phrase.group(0) and RETURNED_SOMEWHERE.search(near):
        phrase = None  # "did not return to the squad" (session 12)
    given = f"{cue} {_content_head(claim, 4)}" if words[:1] == ["no"] else cue  # "offered | no"
    if (
        phrase
        or NO_STATEMENT.search(given)
        or NOT_RESPONDED.search(cue)
        or WOULD_NOT_STATE.search(cue)
    ):
        return Stance.NO_COMMENT
    if _nobody_answered(claim, cue):
        return Stance.NO_COMMENT  # "Neither the company nor its founder responded"
    if SELF_NO_STATEMENT.search(_content_head(claim, 10)) or _own_refusal(words):
        return Stance.NO_COMMENT  # "told TV that he could neither confirm nor deny it"
    if NOT_PROVIDED.search(f"{cue} {_content_head(claim, 4)}"):
        return Stance.NO_COMMENT  # "did not provide | further details"
    if UNRETURNED.search(f"{cue} {_content_head(claim, 4)}") or _failed_contact(cue, words):
        return Stance.NO_COMMENT  # "calls to the store went unreturned"
    if NEGATED_TELLING.search(cue) and words[:1] and words[0] in lex["wh_words"]:
        return Stance.NO_COMMENT  # "did not say whether", "has not explained why"
    if NEGATED_DISCLOSING.search(cue):
        return Stance.NO_COMMENT  # "did not disclose the amount"
    if NOT_APOLOGIZED.search(cue) or NOT_EXPLICIT.search(cue):
        return Stance.NO_COMMENT  # "did not apologize", "did not directly criticize"
    if NOT_RELEASED.search(cue) and INFORMATION_OBJECT.match(" ".join(words[:5])):
        return Stance.NO_COMMENT  # "did not release the amount", "has not announced a date"
    if re.search(r"\b(not|n't|never)\s+(\w+ly\s+)?(mention|refer)\w*", cue) and re.search(
        r"\bby name\b", " ".join(words[:12])
    ):
        return Stance.NO_COMMENT  # "did not mention Rubio by name"
    refusal = re.search(
        r"\b(declin\w*|refus\w*|avoid\w*|stopp?(ed|s)? short of|refrain\w*\s+from|"
        r"sh(y|ies|ied|ying)\s+away\s+from|(held|hold|holds|holding)\s+off\s+on)\b",
        cue,
    )
    if refusal:
        after = f"{cue} {_content_head(claim, 10)}"[refusal.end() :]
        found = lex["refuse_objects_rx"].search(after)
        # the refused act is the verb right after the cue ("declined to comment", "refused,
        # through a spokesman, to say"), not any word of the content ("to punish state schools")
        gap = after[: found.start()] if found else ""
        if not found and OFFERED_STATEMENT.match(after):
            return Stance.NO_COMMENT  # "declined to offer his own figure for layoffs"
        if found and (
            len(re.findall(r"[\w']+", gap)) <= 4
            or re.search(r"\b(or|and|nor)\s+((even|\w+ly)\s+)*(to\s+)?$", gap)
        ):
            return Stance.NO_COMMENT  # "declined to threaten Moscow or even directly declare"
    # question: an interrogative content, or "asked whether ..."
    first = words[1] if words[:1] == ["that"] and len(words) > 1 else (words[0] if words else "")
    if content and _ends_with_question(content) and not _declarative_then_question(content):
        return Stance.QUESTION
    plain = [w for w in words[:12] if re.match(r"[\w']", w)]
    if FIRST_PERSON_ASK.match(" ".join(plain)):
        return Stance.QUESTION  # "We have to ask if anyone has a photo"
    if re.search(r"\b(was|were|being|when|if)?\s*asked about\b", cue) and not claim.source:
        return Stance.QUESTION  # "Asked about the report, the minister said ..."
    if (
        re.search(r"\basked\s*$", cue)
        and not claim.source
        and ASKED_TO_SAY.match(" ".join(words[:3]))
    ):
        return Stance.QUESTION  # "Asked to explain the delay, he said ..."
    follows = bool(claim.content and claim.cue) and claim.content[0].start >= claim.cue[0].end
    # "questioned his statements about X" is a denial (below), not an act of asking
    doubted_claim = DOUBT_CUES.search(cue) and DOUBTED_OBJECT.match(" ".join(words[:6]))
    if follows and not doubted_claim and _asks_about(cue, words):
        return Stance.QUESTION  # "was questioned about the dispute", "asked a question"
    if OPEN_QUESTION.match(cue.strip()) or (
        follows and OPEN_QUESTION.match(" ".join(_words(f"{cue} {' '.join(words[:8])}")))
    ):
        return Stance.QUESTION  # "it's not clear whether", "cannot be determined how many"
    if UNCLEAR_CUE.search(cue) and words[:1] and words[0] in lex["wh_words"]:
        return Stance.QUESTION  # "how many worked there cannot be determined"
    if OPEN_QUESTION.match(" ".join(words[:10])):
        return Stance.QUESTION  # "(said) it's unclear to him how ..."
    if (lex["question_cues_rx"].search(cue) or INQUIRY_CUES.search(cue)) and (
        (first in lex["wh_words"] and follows)  # "which he considered" is a relative clause
        or (any(_ends_with_question(s.text) for s in claim.content) and not _answers_herself(claim))
    ):
        return Stance.QUESTION
    main = _quoted_main(claim)
    own = _own_act(words)  # "said it categorically rejects the report": its own denial
    if (
        _is_denial(cue, words)
        or (own is not None and _is_denial(*own))
        or (main and _says_untrue(cue, main))  # '"..., it's not true," "I am not sure"'
    ):
        return Stance.DENY
    if (
        _is_downplay(cue, content, words)
        or (main and _is_downplay(cue, main, _words(main)))  # '"It's nonsense," "She lies"'
        or (own is not None and _is_downplay(own[0], " ".join(own[1]), own[1]))
        or _media_called_fake(doc_or_text, claim)
        or _split_particle(cue, words)
    ):
        return Stance.DOWNPLAY
    carried = _carried_over(doc_or_text, claim, cue)
    if carried is not None:
        return carried
    if content and (_is_conditional(_first_sentence(_main_quote(claim))) or _fronted_part(claim)):
        return Stance.CONDITIONAL
    return Stance.ASSERT


def _own_refusal(words: list[str]) -> bool:
    """The content reports the source's own refusal to state (session 12): "(said) it would
    not speculate", "it does not comment on rumours", "it would be inappropriate to
    comment", "it had nothing further to add", "it was a private matter and would not
    comment further" (:data:`OWN_REFUSAL`, :data:`OWN_NO_COMMENT`, :data:`LATER_REFUSAL`)."""
    head = " ".join(words[:16])
    if OWN_REFUSAL.match(head) or OWN_NO_COMMENT.match(head):
        return True
    subject = re.match(rf"(that\s+)?(\"\s*)?{OWN_SUBJECT}\b", head)
    return subject is not None and LATER_REFUSAL.search(" ".join(words[:25])) is not None


#: session 12: a negative source ("Neither the company nor its founder", "None of the
#: officials") with an answering cue: nobody answered
NEGATIVE_SOURCE = re.compile(r"^\W*(neither|none\s+of|no\s+one|nobody)\b")
ANSWERING_CUE = re.compile(
    r"\b(respond\w*|repl(y|ied|ies)|return\w*\s+(calls?|messages?|requests?|e-?mails?)|"
    r"comment\w*|(be|been)\s+reached|answer\w*)\b"
)


def _nobody_answered(claim: Claim, cue: str) -> bool:
    """A negative source with an answering cue ("Neither the club nor the player could be
    reached for comment", "None of the officials responded"), session 12."""
    source = _norm(_joined(claim.source))
    return NEGATIVE_SOURCE.match(source) is not None and ANSWERING_CUE.search(cue) is not None


def _failed_contact(cue: str, words: list[str]) -> bool:
    """A cue naming an attempt to reach the source and a content saying it failed ("Messages
    left for [the mayor] were not returned", "Attempts to contact ... were unsuccessful"),
    session 12."""
    return CONTACT_ATTEMPT.search(cue) is not None and (
        CONTACT_FAILED.search(f"{cue} {' '.join(words[:6])}") is not None
    )


#: a content that reports the source's own present act: "(that) it rejects", "we deny",
#: "he dismisses" -- a subject pronoun, adverbs, then a finite verb
_OWN_ACT = re.compile(
    r"^(?:that\s+)?(?:it|we|i|he|she|they)\s+(?:\"\s+)?((?:\w+ly\s+|\"\s+)*\w+(?:s|ed)?"
    r"(?:\s+(?:off|down|aside|away|back|issue\s+with))?)(?:\s+\")?\s+"
)


_WORRY_NOUNS = re.compile(r"\b(?:concerns?|fears?|worries|worry|criticism|questions)\b")


def _asks_about(cue: str, words: list[str]) -> bool:
    """An act of asking or questioning about a noun phrase: "was questioned about", "asked
    (him) about", "pushed on what ...", "was asked a direct question" (session 11)."""
    if ASKING_ABOUT.search(cue) or ASKED_QUESTION.search(f"{cue} {' '.join(words[:4])}"):
        return True
    if ASKING_CUE_END.search(cue) and re.match(
        r"((?!to\b)[\w.'-]+\s+){0,3}?(about|over)\b", " ".join(words[:5])
    ):
        return True  # "was asked [Sanders about their case]"
    # "pushed on what could bring him", "pressed on the deal" (not "pushed on with")
    if not (re.search(r"\b(pressed|pushed)\s*$", cue) and words[:1] == ["on"] and len(words) > 1):
        return False
    return words[1] in lexicon()["wh_words"] or (
        cue.rstrip().endswith("pressed") and words[1] in DETERMINERS
    )


def _own_act(words: list[str]) -> tuple[str, list[str]] | None:
    """(cue, content words) for a content that states the source's own act of denying or
    minimising ("that it categorically rejects the report"), read as that act's cue and
    its object; None otherwise. Only a denying or minimising verb counts: "that it
    welcomes the report" stays as it is."""
    m = _OWN_ACT.match(" ".join(words[:12]))
    if not m:
        return None
    act = re.sub(r'"\s*', "", m.group(1)).strip()
    lex = lexicon()
    if not (lex["deny_cues_rx"].search(act) or lex["downplay_cues_rx"].search(act)):
        return None
    rest = " ".join(words[:12])[m.end() :].split() + words[12:]
    head = " ".join(w for w in rest[:6] if w != '"')
    if not (rest[:1] == ["that"] or CLAIM_NOUNS.search(head) or _WORRY_NOUNS.search(head)):
        return None  # "said it dismissed the coach": a firing, not a dismissal of a claim
    return act, rest


def _act_moved_to_cue(doc_or_text: Doc | str, claim: Claim) -> Claim:
    """``claim`` with the act of a trying cue read as part of the cue: in "sought [cue] to
    brush aside the loss [content]" the source's act is "brush aside", so the claim is read
    as cue "sought to brush aside", content "the loss". Unchanged when the content does not
    open with "to" + a minimising, rebutting, refusing or evading verb."""
    if len(claim.content) != 1 or not TRYING_CUE.search(_norm(_joined(claim.cue))):
        return claim
    span = claim.content[0]
    norm = _norm(span.text)
    # the "to" may close the cue: "was quick to [cue] play down the figures [content]"
    cue_to = re.search(r"\bto\s*$", _norm(_joined(claim.cue))) is not None
    to = re.match(r"\s*(to\s+)?(\w+ly\s+)?" if cue_to else r"\s*to\s+(\w+ly\s+)?", norm)
    if not to:
        return claim
    lex = lexicon()
    rest = norm[to.end() :]
    acts = [lex["downplay_cues_rx"], lex["no_comment_phrases_rx"], TRIED_ACTS, ASKING_ACTS]
    deny = lex["deny_cues_rx"].match(rest)
    act = next((m for m in (rx.match(rest) for rx in acts) if m), None)
    if act is None and deny and not deny.group(0).startswith("den"):
        act = deny  # ("to deny him the nomination" withholds: not read as a denial)
    if act is None:
        return claim
    text = _text(doc_or_text, None)
    cut = span.start + to.end() + act.end()
    while cut < span.end and text[cut].isspace():
        cut += 1
    content = (Span.of(text, cut, span.end),) if cut < span.end else ()
    return replace(claim, cue=(*claim.cue, Span.of(text, span.start, cut)), content=content)


def _media_called_fake(doc_or_text: Doc | str, claim: Claim) -> bool:
    """The content calls a claim, report or piece of media fake: "The video appears to have
    been a hoax" (read over the content's extent, a cue inside it included)."""
    if not claim.content or not MEDIA_NOUN_FIRST.match(_norm(claim.content[0].text)):
        return False  # (checked first: the Doc's text is built anew at every access)
    text = _text(doc_or_text, None)
    extent = text[claim.content[0].start : max(s.end for s in claim.content)]
    first = _first_clause(extent)
    media = MEDIA_SUBJECT.match(first)
    if not media:
        return False
    rest = re.sub(
        r"^([\"'\s]+|(just|all|an?|the|complete|total|elaborate|clearly|probably|pure|mere|"
        r"merely|idle|wild|only|simply|nothing\s+but|largely|entirely|completely|totally|"
        r"wholly|greatly|wildly)\s+)*",
        "",
        first[media.end() :],
    )
    lex = lexicon()
    return (
        lex["downplay_content_rx"].match(rest) or lex["media_dismissals_rx"].match(rest)
    ) is not None


#: session 12: a minimising verb whose particle ends the content: "played [the incident]
#: down", "brushed [the criticism] aside", "laughed [the claims] off" (the object between)
SPLIT_PARTICLE = {
    "down": re.compile(r"\b(play|plays|played|playing)\s*$"),
    "off": re.compile(r"\b(brush\w*|shrug\w*|laugh\w*|wav(e|ed|es|ing)|slough\w*)\s*$"),
    "aside": re.compile(r"\b(brush\w*|shrug\w*|wav(e|ed|es|ing)|bat(s|ted|ting)?|swat\w*)\s*$"),
    "away": re.compile(r"\b(wav(e|ed|es|ing)|bat(s|ted|ting)?|swat\w*|brush\w*)\s*$"),
}


def _split_particle(cue: str, words: list[str]) -> bool:
    """A minimising phrasal verb split by its object ("played the incident down"), the
    particle closing a short content (session 12)."""
    plain = [w for w in words if re.match(r"[\w']", w)]
    if not 2 <= len(plain) <= 8:
        return False
    rx = SPLIT_PARTICLE.get(plain[-1])
    return rx is not None and rx.search(cue) is not None


def _answers_herself(claim: Claim) -> bool:
    """A content of several quotations that ends in a statement after a question ('"That's
    like a bribe, isn't it?" "I think it's a bribe."'): the source asks and answers herself,
    and asserts (docs/guidelines-stance.md, session 11)."""
    if len(claim.content) < 2:
        return False
    last = claim.content[-1].text
    if re.match(r"\W*(neither|nor|me\s+(neither|too|either)|so\s+(do|does|did))\b", _norm(last)):
        return False  # '"Does anybody know ...?" "Neither do I."': no answer, the question stands
    return not _ends_with_question(last) and len(re.findall(r"[\w'’-]+", last)) >= 3


def _quoted_main(claim: Claim) -> str:
    """The first quotation when :func:`_main_quote` reads it alone as the main statement;
    empty otherwise (the whole content is read already)."""
    main = _main_quote(claim)
    return main if len(claim.content) > 1 and main != _joined(claim.content) else ""


def _main_quote(claim: Claim) -> str:
    """The content read for its main statement: the first quotation alone when the content
    is two or more quotations ('"Americanism will be our credo," "As long as ..."', session
    11) and the first is a statement of its own (four words or more, closed by a quote
    mark); the whole content otherwise ("As President," "I will oppose ... unless ...")."""
    spans = claim.content
    if len(spans) > 1:
        first = spans[0].text.rstrip()
        if len(re.findall(r"[\w'’-]+", first)) >= 4 and re.search(r"[,.!?]\W*[\"”'’]$", first):
            return first
    return _joined(spans)


def _first_sentence(content: str) -> str:
    """The content up to its first sentence end: its main statement ("... video. If
    genuine, we are appalled" is not stated under a condition)."""
    m = re.search(r"[.!?][\"'”’)]*\s+(?=[\"“‘']?[A-Z])", content)
    return content[: m.end()] if m else content


def _declarative_then_question(content: str) -> bool:
    """A "that"-clause followed by a question of its own ("that the record is poor. And
    why should it be?"): the main statement is declarative."""
    first = _first_sentence(content)
    return (
        first != content
        and re.match(r"\W*that\b", _norm(content)) is not None
        and not _ends_with_question(first)
    )


def _carried_over(doc_or_text: Doc | str, claim: Claim, cue: str) -> Stance | None:
    """Deny or downplay for a speaking participle that continues a deny/downplay cue of
    the same source in the same sentence: "The government disputed the report, saying no
    such event was planned" (the participle's source is the one who disputed)."""
    if not claim.cue or not PARTICIPLE_CUE.match(cue.strip()):
        return None
    text = _text(doc_or_text, None)
    start = claim.cue[0].start
    before = _norm(text[max(0, start - 200) : start])
    if not re.search(r",\s*$", before):
        return None
    before = re.split(r"[.!?][\"')]*\s+", before)[-1]
    lex = lexicon()
    for m in lex["deny_cues_rx"].finditer(before):
        obj = before[m.end() :]
        if _negated(before, m) or NOUN_DISPUTE.search(before[max(0, m.start() - 20) : m.end()]):
            continue
        if re.match(r"\s*(that|the\s+\w+\s*that)\b", obj) or CLAIM_NOUNS.search(
            " ".join(obj.split()[:6])
        ):
            return Stance.DENY
    for m in lex["downplay_cues_rx"].finditer(before):
        if not _negated(before, m) and not NON_DOWNPLAY_DISMISS.search(before[m.start() :]):
            return Stance.DOWNPLAY
    return None


def _negated(cue: str, m: re.Match[str]) -> bool:
    """The cue word of ``m`` is negated or refused: "did not deny", "has never disavowed"."""
    return NEGATED_CUE.search(cue[: m.start()]) is not None


#: session 12: a passive "denied" whose subject was refused something ("was denied entry",
#: "were denied bail"), not a claim that was denied
PASSIVE_DENIED = re.compile(r"\b(was|were|been|being|is|are|be|get|gets|got)\s+(\w+ly\s+)?denied$")
#: session 12: a content saying that the alleged thing does not exist: "no such incident
#: took place", "no such meeting happened", "no such plan exists"
NO_SUCH_THING = re.compile(
    r"\bno\s+such\s+([\w-]+\s+){1,2}?(took\s+place|happened|occurred|exists?|existed|"
    r"(has|had|was|were)\s+(ever\s+)?(been\s+)?(made|held|planned|signed|taken|reached|issued))\b"
)


def _is_denial(cue: str, words: list[str]) -> bool:
    """A deny cue on a claim ("denied that ...", "rejected the notion"), or a content whose
    point is that something alleged is untrue ("that's not true", "I was not talking about")."""
    lex = lexicon()
    for m in lex["deny_cues_rx"].finditer(cue):
        if _negated(cue, m) or NOUN_DISPUTE.search(cue[max(0, m.start() - 20) : m.end()]):
            continue
        if PASSIVE_DENIED.search(cue[: m.end()]) and not CLAIM_NOUNS.search(" ".join(words[:8])):
            continue  # "was denied entry / bail" (session 12); "the reports were denied" stays
        if OBJECT_DENY_CUES.match(m.group(0)) and not (
            words[:1] == ["that"]
            or CLAIM_NOUNS.search(" ".join(words[:6]))
            or CLAIM_NOUNS.search(cue[m.end() :])  # "rejected any implication that"
        ):
            continue
        return True
    if re.search(r"\bplead\w*", cue) and words[:2] == ["not", "guilty"]:
        return True
    negated = re.search(r"\b(not|n't|never)\b|n't", cue) is not None
    contradicts = re.search(r"\bcontradict(s|ed|ing)?\s*$", cue) is not None
    if contradicts and not negated and CONTRADICTED_OBJECT.match(" ".join(words[:8])):
        return True  # "contradicted him", "contradicted what Trump said"
    claim_object = words[:1] == ["that"] or CLAIM_NOUNS.search(" ".join(words[:6])) is not None
    if RETREAT_CUES.search(cue) and not negated and claim_object:
        return True  # "backed away from a suggestion that he might pay"
    if DEFENDED_AGAINST.search(f"{cue} {' '.join(words[:10])}"):
        return True  # "defended himself against accusations of racism"
    if NO_EVIDENCE_CUE.search(cue) and words[:1] == ["that"]:
        return True  # "have no evidence to suggest that he accessed the account"
    if INSIST_CUES.search(cue) and NEGATED_MAIN.match(" ".join(words[:12])):
        return True  # "insisted that was not part of the deal"
    if DOUBT_CUES.search(cue) and DOUBTED_OBJECT.match(" ".join(words[:6])):
        return True  # "challenged the assertion that", "questioned the accuracy of"
    if CONCESSION_CUES.search(cue):
        return False  # "admitted that the name was inaccurate": a concession, not a denial
    if len(words) > 30:  # a long content: only a claim called wrong at its opening
        return CLAIM_CALLED_WRONG.search(" ".join(words[:10])) is not None
    head = _norm(" ".join(words[:20]))
    return (
        lex["deny_content_rx"].search(head) is not None
        or DENIED_MEANING.search(head) is not None
        or UNTRUE_PREDICATE.search(head) is not None
        or CLAIM_CALLED_WRONG.search(head) is not None
        or QUALIFIED_LIE.search(head) is not None
        or NO_SUCH_THING.search(head) is not None
    )


#: session 11: speaking cues read like "said" for a content that calls a claim or issue a
#: joke, nonsense or no problem ("told reporters that her tweet was 'a joke'", "argued that a
#: competitive primary was not a problem")
SPEAKING_CUES = re.compile(
    r"\b(told|tells|tell|telling|argued|argues|argue|arguing|insisted|insists|insist|"
    r"added|adds|stressed|stresses|noted|notes|contended|contends|maintained|maintains)\b"
)


#: a capitalised name as the subject of "is/was": "Hillary Clinton is a joke" (session 11)
NAMED_SUBJECT = re.compile(
    r"^(that\s+)?(?!(It|This|That|These|Those|There|The|What|Which)\b)"
    r"([A-Z][\w.'’-]*\s+){1,3}(is|was)\b"
)


def _says_untrue(cue: str, quote: str) -> bool:
    """The first of several quotations says that something alleged is untrue ("it's not
    true", "this fiction that", "the report is misleading"), read with its cue (session 11);
    the looser content tests of :func:`_is_denial` (a qualified lie, "we are not talking
    about") are left to the whole content."""
    if CONCESSION_CUES.search(cue) or lexicon()["deny_cues_rx"].search(cue):
        return False
    head = " ".join(_words(quote)[:20])
    return bool(lexicon()["deny_content_rx"].search(head) or CLAIM_CALLED_WRONG.search(head))


def _is_downplay(cue: str, content: str, words: list[str]) -> bool:
    """A minimising cue ("brushed off", "played down"), or a naming/saying cue whose content
    calls a claim, report or issue fake, overblown or routine (docs/guidelines-stance.md)."""
    lex = lexicon()
    naming = NAMING_CUES.search(cue) is not None
    person_object = PERSON_OBJECT.search(content.strip(" \"'“”")) is not None
    person = naming and person_object
    for m in lex["downplay_cues_rx"].finditer(cue):
        if _negated(cue, m) and not re.search(r"\bnot\s+only\s+$", cue[: m.start()]):
            continue
        if NON_DOWNPLAY_DISMISS.search(f"{cue} {' '.join(words[:3])}"):
            continue
        if person_object and m.group(0).startswith("dismiss"):
            continue  # "dismissed him as a lightweight": an attack on a person
        return True
    if RHETORICAL_MINIMISER.search(_norm(content)):
        return True
    if MOCK_CUES.search(cue) and MOCKED_OBJECT.match(" ".join(words[:6])):
        return True  # "mocked the idea that", "ridiculed concerns about"; not "mocked Rubio"
    speaking = not lex["call_cues_rx"].search(cue) and SPEAKING_CUES.search(cue) is not None
    if not (lex["call_cues_rx"].search(cue) or speaking):
        return False
    says = speaking or re.search(r"\b(say|says|said|saying)\b", cue) is not None
    scope = _first_clause(content) if says else _norm(content)
    found = lex["downplay_content_rx"].search(scope)
    if found and found.group(0).startswith("made") and MADE_UP_OTHER.search(scope):
        found = None  # "they have made up their minds" (session 12)
    if speaking and re.match(r"\W*(that\s+)?\W*(he|she|they|you|i|we)\b", scope):
        return False  # "telling them that they were 'being ridiculous'": about people
    if (
        speaking
        and found
        and not re.search(r"\b(is|was|are|were|be|been|being)\b|'s\b|'re\b", scope[: found.start()])
    ):
        return False  # "told a joke": telling one, not calling a claim one
    if found and (not says or len(words) <= 25):
        # calling a *person* a fake or a joke is an attack, not a downplay ("called Oz a
        # quack", "said Hillary Clinton is a joke")
        person = person or (says and NAMED_SUBJECT.match(content.strip(" \"'“”‘’")) is not None)
        return not (person and lex["person_insults_rx"].search(scope))
    if naming and not says and not person and len(words) <= 12:
        return lex["minimising_content_rx"].search(_first_clause(content)) is not None
    return False


# --------------------------------------------------------------------------- hedges


def _hedge_ok(norm: str, m: re.Match[str], word: str) -> bool:
    """Filter the uses of hedge words that are not epistemic."""
    after = norm[m.end() : m.end() + 30]
    before = norm[max(0, m.start() - 30) : m.start()]
    if word == "could" and re.match(r"\s*(not|n't)\b", after):
        return False
    if word == "could" and re.search(r"\b(how|why|no one|nobody|nothing)\b[\w\s]{0,25}$", before):
        return False
    if word == "may" and re.search(r"\bif\s+i\s*$", before):
        return False
    if word == "may" and re.match(r"[^.;?!]{0,40}\bbut\b", after):
        return False  # concessive: "my name may not be on the ballot, but ..."
    if word == "likely" and re.match(r"\s*(voters?|electorate)\b", after):
        return False
    if word == "possible" and re.search(r"\b(as|everything|anything|whenever|if)\s*$", before):
        return False
    return not (word == "apparent" and re.search(r"\bheir\s*$", before))


#: "May" the month: a capital "May" with a date word before it or a day or year after it.
_MONTH_BEFORE = re.compile(
    r"\b(?:in|on|since|until|till|by|from|through|during|last|next|this|early|late|mid|"
    r"of|before|after|between|and)[\s-]+$",
    re.IGNORECASE,
)
_MONTH_AFTER = re.compile(r"\s+(?:\d|of\s+\d|of\s+(?:this|last|next)\s+year)")


def _is_the_month(text: str, start: int, end: int) -> bool:
    """Whether the "May" at ``text[start:end]`` names the month: capitalised, and a date word
    before it ("in May", "last May", "mid-May") or a day or year after it ("May 3", "May
    2024"); a sentence-initial modal ("May I ask") has neither."""
    if text[start:end] != "May":
        return False
    return bool(
        _MONTH_BEFORE.search(text[max(0, start - 12) : start])
        or _MONTH_AFTER.match(text, end)
        or (start > 0 and not re.search(r"(?:^|[.!?:\"“]\s*)$", text[max(0, start - 3) : start]))
    )


def _hedges_in(
    text: str,
    start: int,
    end: int,
    *,
    carrier: str,
    words: dict[str, str],
    rx: re.Pattern[str],
    claim: Claim,
) -> list[Hedge]:
    """The ``words`` (found with ``rx``, their pattern) in ``text[start:end]``."""
    norm = _norm(text[start:end])
    found = []
    for m in rx.finditer(norm):
        word = m.group(0)
        if not _hedge_ok(norm, m, word):
            continue
        s, e = start + m.start(), start + m.end()
        if word == "may" and _is_the_month(text, s, e):
            continue  # "in May", "May 3", "last May": the month, not the modal
        found.append(Hedge(span=Span.of(text, s, e), cue=words[word], carrier=carrier))
    return found


def find_hedges(
    doc_or_text: Doc | str, claim: Claim, *, view: DocView | None = None
) -> tuple[Hedge, ...]:
    """Hedge and evidential words of the claim, in text order, with their carrier."""
    text = _text(doc_or_text, view)
    lex = lexicon()
    hedge_words: dict[str, str] = lex["hedge_words"]
    hedge_rx = lex["hedge_words_rx"]
    belief: dict[str, str] = lex["belief_verbs"]
    cue_words, cue_rx, gap_words, gap_rx = _hedge_patterns()
    reporter_words = set(lex["reporter_hedges"]) - {"alleged", "purported", "so-called"}
    has_source = bool(claim.source)
    out: list[Hedge] = []
    # the content: the source's own hedges ("may", "I think", "is believed to")
    for sp in claim.content:
        out += _hedges_in(
            text, sp.start, sp.end, carrier="source", words=hedge_words, rx=hedge_rx, claim=claim
        )
        norm = _norm(sp.text)
        for m in lex["belief_verbs_rx"].finditer(norm):
            before = re.findall(r"[\w']+|[,.]", norm[max(0, m.start() - 25) : m.start()])
            recent = before[-FIRST_PERSON_WINDOW:]
            pronoun = max((k for k, w in enumerate(recent) if w in ("i", "we")), default=None)
            first_person = pronoun is not None and not any(
                w in (",", ".") for w in recent[pronoun:]
            )
            passive = re.search(r"\b(is|are|was|were|be|been)\s*$", norm[: m.start()])
            passive = (
                passive
                and m.group(0) in lex["passive_evidentials"]
                and re.match(r"\s+to\b", norm[m.end() :])
            )
            if first_person or passive:
                s, e = sp.start + m.start(), sp.start + m.end()
                # "is believed to" with no source at all is the narrator's hedge
                carrier = "reporter" if passive and not has_source else "source"
                out.append(Hedge(Span.of(text, s, e), belief[m.group(0)], carrier))
        for m in NOT_CLEAR.finditer(norm):
            s, e = sp.start + m.start(1), sp.start + m.end(1)
            out.append(Hedge(Span.of(text, s, e), "unclear", "source"))
        for m in re.finditer(r"\b(is|are|was|were)\s+(said|reported|rumou?red)\s+to\b", norm):
            s, e = sp.start + m.start(2), sp.start + m.end(2)
            if not any(h.span.start == s for h in out):
                carrier = "source" if has_source else "reporter"
                out.append(Hedge(Span.of(text, s, e), m.group(2), carrier))
    # the narrator's note after the content: "..., a claim that could not be independently
    # verified", "..., though the figure could not be confirmed", "The footage could not be
    # independently verified."
    if claim.content:
        note = unverified_note(text, claim.content[-1].end)
        if note:
            out.append(Hedge(Span.of(text, *note), "unverified", "reporter"))
    # the cue: "believes", "suggested", "seems", "reportedly", "allegedly"
    content_words = len(_words(_joined(claim.content)))
    for sp in claim.cue:
        for m in NOT_CLEAR.finditer(_norm(sp.text)):
            s, e = sp.start + m.start(1), sp.start + m.end(1)
            carrier = "source" if has_source else "reporter"
            out.append(Hedge(Span.of(text, s, e), "unclear", carrier))
        for h in _hedges_in(
            text, sp.start, sp.end, carrier="source", words=cue_words, rx=cue_rx, claim=claim
        ):
            if h.cue == "suggest" and content_words < 4:
                continue  # "did not suggest retaliation": propose, not hedge
            if h.cue == "expect" and re.search(r"n't|\bnot\b|\bnever\b", _norm(sp.text)):
                continue  # "didn't expect": surprise, not a hedge
            if has_source and h.cue in REPORTING_PARTICIPLES and _participle_use(text, h):
                continue  # "first alleged by South Korean sources": the reporting verb itself
            # "Wintour allegedly told": the narrator's adverb, even between source and cue
            narrator = not has_source or h.span.text.lower() in reporter_words
            out.append(replace(h, carrier="reporter" if narrator else "source"))
        # "who is said to be known as", "is reported to have killed": a passive evidential
        # cue with a to-infinitive content
        norm_cue = _norm(sp.text)
        m = PASSIVE_EVIDENTIAL_CUE.search(norm_cue)
        if m and claim.content and re.match(r"\W*to\b", _norm(claim.content[-1].text)):
            s, e = sp.start + m.start(2), sp.start + m.end(2)
            if not any(h.span.start == s for h in out):
                carrier = "source" if has_source and not _relative_source(claim) else "reporter"
                out.append(Hedge(Span.of(text, s, e), m.group(2), carrier))
    # the narrator's words right around the cue or in the source: "he reportedly said"
    window = _window(claim)
    if window is not None:
        covered = [*claim.source, *claim.cue, *claim.content]
        for sp in claim.cue:
            lo, hi = max(window[0], sp.start - CUE_GAP), min(window[1], sp.end + CUE_GAP)
            gap = _outside(text, lo, hi, covered)
            for h in _hedges_in(
                gap, 0, len(gap), carrier="reporter", words=gap_words, rx=gap_rx, claim=claim
            ):
                s = lo + h.span.start
                out.append(replace(h, span=Span.of(text, s, s + len(h.span.text))))
        for sp in claim.source:
            out += _hedges_in(
                text, sp.start, sp.end, carrier="reporter", words=gap_words, rx=gap_rx, claim=claim
            )
    seen: set[tuple[int, int]] = set()
    unique = []
    for h in sorted(out, key=lambda h: h.span.start):
        key = (h.span.start, h.span.end)
        if key not in seen:
            seen.add(key)
            unique.append(h)
    return tuple(unique)


# --------------------------------------------------------------------------- basis


#: the last clause of a content, when it opens with "without": "it had taken the city,
#: without providing evidence" describes the saying, not what was said
_WITHOUT_TAIL = re.compile(r",\s*(without\b[^,;]*)[.\s]*$")


def _undisclosed_tail(claim: Claim) -> bool:
    """A content that ends in a basis statement the tagger took in ("..., without
    providing evidence")."""
    if not claim.content:
        return False
    tail = _WITHOUT_TAIL.search(claim.content[-1].text)
    return (
        tail is not None
        and lexicon()["basis_undisclosed_rx"].search(_norm(tail.group(1))) is not None
    )


def classify_basis(
    doc_or_text: Doc | str,
    claim: Claim,
    *,
    view: DocView | None = None,
    others: Sequence[Claim] = (),
) -> Basis:
    """Whether the text says what the claim rests on (disclosed), says it does not, or neither.

    A basis statement in the next sentence ("He offered no evidence.") counts unless that
    sentence holds a claim of its own (a cue of one of ``others``), whose basis it is."""
    window = _window(claim)
    if window is None:
        return Basis.UNSTATED
    view = as_view(doc_or_text, view)
    lex = lexicon()
    start, end, next_end = view.sentence_bounds(*window)
    around = _norm(_outside(view.text, start, end, [*claim.content, *claim.cue]))
    if lex["basis_undisclosed_rx"].search(around) or _undisclosed_tail(claim):
        return Basis.UNDISCLOSED
    if (
        next_end is not None
        and lex["basis_undisclosed_rx"].search(_norm(view.text[end:next_end]))
        and not any(
            end <= cue.start and cue.end <= next_end and cue not in claim.cue
            for other in others
            for cue in other.cue
        )
    ):
        return Basis.UNDISCLOSED
    if lex["basis_disclosed_rx"].search(around):
        return Basis.DISCLOSED
    return Basis.UNSTATED


def drop_basis_statements(
    doc_or_text: Doc | str, claims: list[Claim], *, view: DocView | None = None
) -> list[Claim]:
    """The claims that are not themselves statements about another claim's basis.

    "The agency did not disclose the basis for this claim" or "he offered no evidence"
    tells how a claim is supported; :func:`classify_basis` reads it into that claim's
    ``basis``. An attribution built on such a sentence (cue "did not disclose") is not a
    claim of its own and is dropped.
    """
    if not claims:
        return claims
    view = as_view(doc_or_text, view)
    rx = lexicon()["basis_undisclosed_rx"]

    def is_basis_statement(claim: Claim) -> bool:
        window = _window(claim)
        if window is None or not claim.cue:
            return False
        start, end = window
        # The basis phrase must be the cue itself ("did not disclose"), not a hedge inside
        # a real claim ("claimed without evidence that ...").
        return any(
            cue.start < start + m.end() and start + m.start() < cue.end
            for m in rx.finditer(_norm(view.text[start:end]))
            for cue in claim.cue
        )

    return [c for c in claims if not is_basis_statement(c)]


# --------------------------------------------------------------------------- modality

FINITE = re.compile(
    r"(?<![\w'])(is|are|was|were|am|has|have|had|do|does|did|can|cannot|will|would|"
    r"\w{3,}ed|went|said|got|made|took|gave|came|saw|knew|thought|told|found|became|left|"
    r"felt|brought|began|kept|held|wrote|stood|heard|meant|met|ran|paid|sat|spoke|led|grew|"
    r"lost|fell|sent|built|understood|drew|broke|spent|won|caught|bought|fought|taught|sold|"
    r"rose|drove|chose|shot|struck|stole|knows|says|thinks|wants|needs|seems|means|remains|"
    r"believes|supports|opposes)(?![\w'])"
    r"|(?<![\w'])(?:it|he|she|that|there|what|who|here|where|everything|nothing)'s(?![\w'])"
    r"|('re|'m|'ve|n't)(?![\w'])"
)
CLAUSE_DEPS = frozenset(
    [
        "nsubj",
        "nsubjpass",
        "nsubj:pass",
        "csubj",
        "csubjpass",
        "expl",
        "cop",
        "aux",
        "aux:pass",
        "auxpass",
    ]
)
SUBJECT_PRONOUNS = frozenset(["i", "we", "you", "he", "she", "it", "they", "there"])
#: a passive evidential cue: "is said", "was reported", "are believed" (+ "to ...")
PASSIVE_EVIDENTIAL_CUE = re.compile(
    r"\b(is|are|was|were|be|been|being)\s+(said|reported|rumou?red)\s*$"
)


def _participle_use(text: str, h: Hedge) -> bool:
    """A reporting word used as a participle ("alleged by", "was speculated"), not as the
    finite verb of its source ("the report speculates that")."""
    before = _norm(text[max(0, h.span.start - 12) : h.span.start])
    after = _norm(text[h.span.end : h.span.end + 4])
    return (
        re.match(r"\s+by\b", after) is not None
        or re.search(r"\b(is|are|was|were|be|been|being|first)\s*$", before) is not None
        or not h.span.text.lower().endswith("s")
    )


def _relative_source(claim: Claim) -> bool:
    """The source is only a relative pronoun ("who is said to be ..."): no real source."""
    return all(_norm(sp.text).strip() in ("who", "which", "that") for sp in claim.source)


REPORTING_PARTICIPLES = frozenset(["alleged", "purported", "suspected", "rumored", "speculate"])
RELATIVE = frozenset(["that", "which", "who", "whom", "whose", "where"])


_ABBREVIATION = re.compile(
    r"(?:\b[a-z]\.)+$|\b(?:mr|mrs|ms|dr|gen|sen|rep|gov|lt|col|sgt|st|jr|sr|inc|corp|co|no|vs)\.$"
)


def _first_clause(content: str) -> str:
    """The content up to its first sentence end (not the dot of "U.S." or "Mr.")."""
    norm = _norm(content).strip(" \"'")
    for m in re.finditer(r"[.?!;](\s|\"|$)", norm):
        if m.group(0)[0] == "." and _ABBREVIATION.search(norm[: m.start() + 1]):
            continue
        return norm[: m.start()]
    return norm


def _is_clause(view: DocView, claim: Claim, clause: str) -> bool:
    doc = view.doc
    if view.has_pos and claim.content:
        sp = claim.content[0]
        span = doc.char_span(sp.start, sp.end, alignment_mode="expand")
        if span is not None and len(span):
            heads = [
                t
                for t in span
                if not t.is_punct and (t.head == t or not span.start <= t.head.i < span.end)
            ]
            root = heads[0] if heads else span.root
            if any(t.dep_ in CLAUSE_DEPS for t in root.children):
                return True  # a subject, auxiliary or copula: "it's about me", "X is Y"
            return root.pos_ in ("VERB", "AUX") and root.tag_ not in ("VBG", "VB", "TO")
    words = _words(clause)
    if words[:1] == ["that"]:
        words = words[1:]
    if words[:1] == ["to"]:
        return False
    if words[:1] and words[0] in SUBJECT_PRONOUNS and len(words) > 1:
        return True
    head: list[str] = []
    for k, w in enumerate(words[:9]):
        if k > 0 and w in RELATIVE:
            break
        head.append(w)
    return FINITE.search(" ".join(head)) is not None


def classify_modality(
    doc_or_text: Doc | str,
    claim: Claim,
    stance: Stance | None = None,
    *,
    view: DocView | None = None,
) -> Modality:
    """Expected (planned, predicted) or happened (past, ongoing); unknown when unclear."""
    stance = stance or classify_stance(doc_or_text, claim)
    content = _joined(claim.content)
    if not content.strip() or stance in (Stance.CONDITIONAL, Stance.QUESTION):
        return Modality.UNKNOWN
    lex = lexicon()
    cue = _norm(_joined(claim.cue))
    if lex["deontic_cues_rx"].search(cue):
        return Modality.UNKNOWN
    if lex["expected_cues_rx"].search(cue) and not re.search(r"n't|\bnot\b", cue):
        return Modality.EXPECTED
    clause = _first_clause(claim.content[0].text)
    head = " ".join(_words(clause)[:14])
    first_expected = None
    for m in lex["expected_markers_rx"].finditer(head):
        marker = m.group(0).strip()
        following = head[m.end() :].split()[:1]
        if marker in ("would", "'d") and following and following[0] in lex["would_not_expected"]:
            continue
        first_expected = m.start()
        break
    unknown = lex["unknown_markers_rx"].search(head)
    if first_expected is not None and (unknown is None or first_expected < unknown.start()):
        return Modality.EXPECTED
    if unknown is not None:
        return Modality.UNKNOWN
    if not _is_clause(as_view(doc_or_text, view), claim, clause):
        return Modality.UNKNOWN
    return Modality.HAPPENED


_QUANTITY_BEFORE = re.compile(
    r"\b(will|'ll|expects?|expected|plans?|planned|planning|intends?|forecasts?|projected|"
    r"predicted|predicts|pledged?|pledges|vow(ed|s)?|promised?|set to|aims? to|going to|"
    r"scheduled|slated|poised)\b"
)
_QUANTITY_AFTER = re.compile(
    r"^\W*(\w+\W+){0,4}?(are|is|were|was)?\s*(expected|planned|set|scheduled|slated|due|"
    r"to be|will)\b"
)


def quantity_modality(
    doc_or_text: Doc | str, quantity: Quantity, *, view: DocView | None = None
) -> Quantity:
    """``quantity`` with ``modality=expected`` when it sits in a planned/predicted context."""
    view = as_view(doc_or_text, view)
    start, end, _next = view.sentence_bounds(quantity.span.start, quantity.span.end)
    before = _norm(view.text[start : quantity.span.start])
    before_words = before.split()[-15:]
    after = _norm(view.text[quantity.span.end : end])
    if _QUANTITY_BEFORE.search(" ".join(before_words)) or _QUANTITY_AFTER.search(after):
        return replace(quantity, modality=Modality.EXPECTED)
    return quantity


# --------------------------------------------------------------------------- the claim


def analyze_claim(
    doc_or_text: Doc | str,
    claim: Claim,
    *,
    view: DocView | None = None,
    others: Sequence[Claim] = (),
    backup: bool | None = None,
    backup_kind: str | None = None,
) -> Claim:
    """``claim`` with stance, hedges, basis and modality filled in; ``others`` are the
    article's other claims (see :func:`classify_basis`); ``backup`` and ``backup_kind`` as
    ``backup`` and ``kind`` of :func:`classify_stance`."""
    view = as_view(doc_or_text, view)
    doc = view.doc
    stance = classify_stance(doc, claim, backup=backup, kind=backup_kind)
    return replace(
        claim,
        stance=stance,
        hedges=find_hedges(doc, claim, view=view),
        basis=classify_basis(doc, claim, view=view, others=others),
        modality=classify_modality(doc, claim, stance, view=view),
    )


# --------------------------------------------------------------------------- comment requests

_REQUEST = None


def _request_rx() -> re.Pattern[str]:
    global _REQUEST
    if _REQUEST is None:
        lex = lexicon()
        verbs = "|".join(
            re.escape(v).replace(r"\ ", r"\s+")
            for v in sorted(lex["comment_request_verbs"], key=len, reverse=True)
        )
        tails = "|".join(
            re.escape(t).replace(r"\ ", r"\s+")
            for t in sorted(lex["comment_request_tails"], key=len, reverse=True)
        )
        _REQUEST = re.compile(
            rf"(?P<verb>\b(?:{verbs}))\s+(?P<target>[^.;]{{2,160}}?)\s+"
            rf"(?:with\s+(?:an?\s+)?(?:emailed\s+|email\s+|written\s+)?)?(?P<tail>(?:{tails}))\b",
            re.IGNORECASE,
        )
    return _REQUEST


#: what "asked" puts when it asks a question, not for comment: "Asked whether more
#: strikes were planned, a spokeswoman declined to comment"
_ASKED_QUESTION = re.compile(r"\s*(whether|if|about|how|what|why|when|where|who|which)\b", re.I)
#: a verb of the sentence before "to comment": the target is a clause, not whom was asked
#: ("..., a spokeswoman declined to comment", "the ministry refused to comment")
_VERB_BEFORE_TAIL = re.compile(
    r"\b(declin\w*|refus\w*|agreed|wanted|want|would\s+not|did\s+not|was\s+not|"
    r"could\s+not|unable|available|authori[sz]ed|permitted|allowed|willing|ready)\s*$",
    re.I,
)


def _is_request_target(target: str) -> bool:
    """The words between a request verb and its tail name whom was asked: "the ministry"
    in "asked the ministry for comment", but not the question in "Asked whether ..., the
    spokeswoman declined to comment"."""
    return not (_ASKED_QUESTION.match(target) or _VERB_BEFORE_TAIL.search(target.rstrip()))


def find_comment_requests(
    doc_or_text: Doc | str, *, view: DocView | None = None
) -> list[CommentRequest]:
    """ "X reached out to Y for comment": who asked whom, and whether the text reports an answer."""
    text = _text(doc_or_text, view)
    lex = lexicon()
    found = []
    for m in _request_rx().finditer(text):
        if not _is_request_target(text[m.start("target") : m.start("tail")]):
            continue
        view = as_view(doc_or_text, view)
        s_start, s_end, next_end = view.sentence_bounds(m.start(), m.end())
        requester_text = text[s_start : m.start("verb")]
        # the requester is the subject right before the verb: after the last comma
        cut = max(requester_text.rfind(","), requester_text.rfind(";"))
        r_start = s_start + cut + 1 if cut >= 0 else s_start
        while r_start < m.start("verb") and text[r_start].isspace():
            r_start += 1
        r_end = m.start("verb")
        while r_end > r_start and text[r_end - 1].isspace():
            r_end -= 1
        requester_span = re.sub(r"\b(has|have|had|also)\s*$", "", text[r_start:r_end]).rstrip()
        requester = (
            (Span.of(text, r_start, r_start + len(requester_span)),) if requester_span else ()
        )
        target = (Span.of(text, m.start("target"), m.end("target")),)
        cue = (
            Span.of(text, m.start("verb"), m.end("verb")),
            Span.of(text, m.start("tail"), m.end("tail")),
        )
        tail = _norm(text[m.end() : next_end if next_end is not None else s_end])
        answered = bool(lex["comment_answered_rx"].search(tail)) and not lex[
            "comment_unanswered_rx"
        ].search(tail)
        found.append(CommentRequest(requester=requester, target=target, cue=cue, answered=answered))
    return found


def drop_comment_requests(claims: list[Claim], requests: list[CommentRequest]) -> list[Claim]:
    """The claims that are not comment requests (their cue overlaps a request's cue)."""
    spans = [sp for r in requests for sp in r.cue]

    def overlaps(claim: Claim) -> bool:
        return any(c.start < s.end and s.start < c.end for c in claim.cue for s in spans)

    return [c for c in claims if not overlaps(c)]


__all__ = [
    "analyze_claim",
    "as_doc",
    "backup_enabled",
    "backup_kind",
    "classify_basis",
    "classify_modality",
    "classify_stance",
    "drop_basis_statements",
    "drop_comment_requests",
    "find_comment_requests",
    "find_hedges",
    "lexicon",
    "quantity_modality",
    "rule_stance",
]
