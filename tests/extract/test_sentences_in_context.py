"""Sentences read in context (issue 12): each class of language as a table of passages.

Each passage is written as a court, prosecutor or newspaper of some country
writes it, with the multiset of ``(kind, term)`` GOLD_FORMAT's ``sentences``
row lists for it. Classes: a suspension stated apart from the term; life
with a minimum in news words, and metaphors that are no sentence; kinds of
other systems (US juries and states, courts-martial, Florida, Sri Lanka);
appeals; and the look-alikes every class must leave alone (maxima,
requests, modals, averages, other people's sentences in general terms).

Groups:
    DEV: the phrasings quoted in issue 12, which the rules were written against.
    APPEAL_ROLES: appeal passages, each sentence with its role (original
        below, substituted on appeal).
    HELD_OUT: variants of each class the rules were not tuned on (other
        countries, word order, tenses); a miss stays as a strict xfail.
        The second round of rows was written and run against the code
        before the rules that now pass them were written.
    APPEAL_HELD_OUT: held-out appeal and review passages, with roles.
    TOTALS: passages stating concurrent or consecutive terms, each sentence
        with the whole term (``total_term``) the statement gives the case.
    BUGS_CAUGHT: passages that once gave the wrong answer on the corpus,
        paraphrased, naming where the bug was found.
"""

from __future__ import annotations

from collections import Counter

import pytest

from tests.extract._tables import grouped

# fmt: off
DEV = [
    # suspension stated apart from the term
    pytest.param("The Magistrate sentenced him to 8 months' rigorous imprisonment and suspended the same for 15 years.", [("suspended", "P8M")], id="lk-suspended-the-same"),
    pytest.param("She was sentenced to two years' imprisonment. The sentence was suspended for five years.", [("suspended", "P2Y")], id="suspended-next-sentence"),
    pytest.param("He was given a 24-week suspended sentence at Cardiff Magistrates' Court.", [("suspended", "P168D")], id="weeks-suspended-sentence"),
    pytest.param("Teacher gets six months, suspended for two years", [("suspended", "P6M")], id="headline-suspended"),
    pytest.param("I sentenced him to 56 days in custody, suspended on terms that he file his statement.", [("suspended", "P56D")], id="contempt-suspended-on-terms"),
    pytest.param("The judge accepted the plea and assessed punishment of four years imprisonment, suspended.", [("suspended", "P4Y")], id="us-assessed-suspended"),
    # life with a minimum, in news words
    pytest.param("Cole was jailed for life and told he must serve at least 40 years.", [("life", "P40Y")], id="life-must-serve-at-least"),
    pytest.param("He was given life, with a minimum of 15 years less 181 days on remand.", [("life", "P15Y")], id="life-with-a-minimum-of"),
    pytest.param("The boy was ordered to be detained at Her Majesty's pleasure with a minimum term of 15 years.", [("life", "P15Y")], id="hmp-minimum-term"),
    pytest.param("Potter was sentenced today to 15 years-to-life in state prison.", [("life", "P15Y")], id="us-hyphenated-years-to-life"),
    pytest.param("He was sentenced to life without the possibility of parole.", [("life", None)], id="us-lwop"),
    # metaphors are no sentence
    pytest.param("The victim's mother said the crash had handed her family a life sentence for the family.", [], id="life-sentence-for-the-family"),
    pytest.param("He said he had to endure a 'life sentence' while the case dragged on.", [], id="quoted-life-sentence"),
    # kinds of other systems
    pytest.param("The jury assessed punishment of sixty years in each count.", [("custody", "P60Y")], id="us-assessed-punishment"),
    pytest.param("Posey's jury fixed punishment at death for both murders.", [("death", None)], id="us-fixed-punishment-at-death"),
    pytest.param("The military judge sentenced him to confinement for 180 days, reduction to E-1 and a bad-conduct discharge.", [("custody", "P180D"), ("other", None), ("other", None)], id="us-court-martial"),
    pytest.param("He was placed on two years of community control followed by three years' probation.", [("community", "P2Y"), ("community", "P3Y")], id="fl-community-control"),
    pytest.param("The accused was sentenced to rigorous imprisonment of 10 years and imposed a fine of Rs. 10,000.", [("custody", "P10Y"), ("fine", None)], id="lk-imprisonment-of"),
    pytest.param("The Magistrate imposed a rigorous imprisonment of 3 months suspended for a period of 5 years.", [("suspended", "P3M")], id="lk-kind-first-suspended"),
    pytest.param("Sanchez’ 30-year sentence cannot undo the harm she caused.", [("custody", "P30Y")], id="possessive-name-term-sentence"),
    pytest.param("Judge Gregory Woods said Rinfret should spend five years and three months behind bars.", [("custody", "P5Y3M")], id="us-judge-said-should-spend"),
    # look-alikes
    pytest.param("Those who break the law can be fined $3,000 or be jailed for four months.", [], id="can-be-jailed-is-a-penalty-not-a-sentence"),
    pytest.param("Prosecutors said they will seek the death penalty.", [], id="seek-death-penalty"),
]

HELD_OUT = [
    pytest.param("The court imposed 18 months' imprisonment, wholly suspended for three years.", [("suspended", "P1Y6M")], id="ie-wholly-suspended-for"),
    pytest.param("He was sentenced to two years' imprisonment and the sentence was suspended for three years on conditions.", [("suspended", "P2Y")], id="and-the-sentence-was-suspended"),
    pytest.param("She received three years' imprisonment, with the final year suspended.", [("custody", "P3Y")], id="partly-suspended-stays-custody"),
    pytest.param("He was sentenced to 12 months, suspended for 18 months, and ordered to do 200 hours of unpaid work.", [("suspended", "P1Y")], id="uk-suspended-with-unpaid-work"),
    pytest.param("Baker was jailed for life and will serve a minimum of 28 years before parole can be considered.", [("life", "P28Y")], id="life-will-serve-a-minimum"),
    pytest.param("The teenager was sentenced to life with a minimum term of 17 years.", [("life", "P17Y")], id="sentenced-to-life-with-minimum"),
    pytest.param("A jury sentenced him to 25 years to life.", [("life", "P25Y")], id="us-25-to-life"),
    pytest.param("Losing a child is a life sentence for parents.", [], id="life-sentence-for-parents"),
    pytest.param("The court-martial adjudged 18 months' confinement and a dishonorable discharge.", [("custody", "P1Y6M"), ("other", None)], id="us-adjudged-confinement"),
    pytest.param("He was sentenced to 16 months in county jail.", [("custody", "P1Y4M")], id="us-county-jail"),
    pytest.param("The Regional Trial Court sentenced them to reclusion perpetua.", [("life", None)], id="ph-reclusion-perpetua"),
    pytest.param("The jury could have assessed punishment at 99 years.", [], id="could-have-assessed"),
    pytest.param("In default of payment, simple imprisonment of 6 months.", [], id="lk-default-term"),
    pytest.param("He will be sentenced on 3 June and may be jailed for up to seven years.", [], id="future-hearing-may-be-jailed"),
    pytest.param("The trial judge imposed five years, suspended for three years. The Court of Appeal quashed the sentence.", [("suspended", "P5Y")], id="au-suspended-then-quashed"),
    pytest.param("He was held in solitary confinement for 3 years before trial.", [], id="solitary-confinement-not-sentence"),
    pytest.param("In 2019 the President commuted his death sentence to life imprisonment.", [("death", None), ("life", None)], id="death-commuted-to-life"),
    pytest.param("The judge suspended the 12-month sentence for two years.", [("suspended", "P1Y")], id="suspended-the-term-verb-first"),
    pytest.param("He must serve a minimum of 25 years of his life sentence.", [("life", "P25Y")], id="minimum-of-his-life-sentence"),
    pytest.param("Hall was handed a whole life order at the Old Bailey.", [("life", None)], id="uk-whole-life-order"),
    pytest.param("She was given sentences totalling 12 years.", [("custody", "P12Y")], id="sentences-totalling"),
    pytest.param("He got 15 years for the rape and 5 years consecutive for the robbery, 20 years in all.", [("custody", "P15Y"), ("custody", "P5Y"), ("custody", "P20Y")], id="parts-and-total-in-all"),
    pytest.param("The judge ordered that he serve four years in prison.", [("custody", "P4Y")], id="us-ordered-that-he-serve"),
    pytest.param("He was ordered to serve 200 hours of unpaid work.", [("community", None)], id="ordered-to-serve-unpaid-work-not-custody"),
    pytest.param("She was placed on a two-year good behaviour bond.", [("community", "P2Y")], id="au-good-behaviour-bond"),
    pytest.param("The magistrate granted him probation for three years.", [("community", "P3Y")], id="granted-probation"),
    pytest.param("He was detained in a young offender institution for four years.", [("custody", "P4Y")], id="uk-detained-in-yoi"),
    # Second round (issue 12): new passages per class, run against the code before any change.
    # suspension stated apart from the term
    pytest.param("The District Judge imposed a sentence of 20 weeks' imprisonment, which she suspended for 18 months.", [("suspended", "P140D")], id="uk-which-she-suspended-for"),
    pytest.param("Sentencing him to nine months in prison, Judge Kavanagh suspended the term in its entirety on condition that he keep the peace.", [("suspended", "P9M")], id="ie-suspended-the-term-in-its-entirety"),
    pytest.param("He was sentenced to 14 months' imprisonment. Because of his health, that sentence will be suspended for two years.", [("suspended", "P1Y2M")], id="that-sentence-will-be-suspended"),
    pytest.param("Driver who killed cyclist given 18 months suspended", [("suspended", "P1Y6M")], id="headline-given-months-suspended"),
    pytest.param("The learned High Court Judge imposed 2 years rigorous imprisonment suspended for 10 years.", [("suspended", "P2Y")], id="lk-ri-suspended-for"),
    pytest.param("A sentence of six months' detention was imposed and suspended.", [("suspended", "P6M")], id="imposed-and-suspended"),
    pytest.param("Ms Byrne was given a three-month sentence, suspended for a year, by Judge O'Connor.", [("suspended", "P3M")], id="ie-month-sentence-suspended-for-a-year"),
    pytest.param("Collins received a two-year sentence, the final 18 months of which were suspended.", [("custody", "P2Y")], id="ie-final-months-of-which-suspended"),
    pytest.param("Judge Nolan sentenced him to five years with the final two suspended.", [("custody", "P5Y")], id="ie-final-two-suspended"),
    pytest.param("The constable was suspended from duty for six months after the arrest.", [], id="suspended-from-duty"),
    pytest.param("The judge suspended sentencing for two weeks to obtain a pre-sentence report.", [], id="suspended-sentencing-hearing"),
    # life with a minimum, in news words; metaphors
    pytest.param("Hargreaves was jailed for life on Friday and must spend at least 22 years behind bars before he can apply for parole.", [("life", "P22Y")], id="life-must-spend-at-least"),
    pytest.param("The judge handed Okafor a life sentence, ordering that he serve a minimum of 19 years.", [("life", "P19Y")], id="life-ordering-that-he-serve"),
    pytest.param("He was sentenced to life imprisonment with a punishment part of 18 years.", [("life", "P18Y")], id="scot-punishment-part"),
    pytest.param("Lord Brailsford jailed him for life and ordered him to serve at least 18 years before he can seek parole.", [("life", "P18Y")], id="scot-ordered-to-serve-at-least"),
    pytest.param("He was sentenced to life in prison with no chance of parole for 25 years.", [("life", "P25Y")], id="ca-no-parole-for"),
    pytest.param("Mr Justice Pryce told Daly he would serve a minimum of 30 years of a life sentence.", [("life", "P30Y")], id="minimum-of-a-life-sentence"),
    pytest.param("The 15-year-old was ordered to be detained at His Majesty's pleasure and must serve at least 13 years.", [("life", "P13Y")], id="hmp-must-serve-at-least"),
    pytest.param("Murray was given the mandatory life sentence for murder.", [("life", None)], id="ie-mandatory-life"),
    pytest.param("For the Quinn family, the crash was a life sentence of grief.", [], id="metaphor-life-sentence-of-grief"),
    pytest.param("Dementia should not be treated as a life sentence, campaigners said.", [], id="metaphor-treated-as-life-sentence"),
    pytest.param("Murder carries a mandatory life sentence.", [], id="carries-mandatory-life"),
    pytest.param("He faces a life sentence when he returns to court next month.", [], id="faces-life-sentence"),
    # concurrent and consecutive totals
    pytest.param("She was sentenced to four years on each of the five counts, the terms to run concurrently.", [("custody", "P4Y")], id="each-of-five-counts-concurrently"),
    pytest.param("He received consecutive terms of eight years and six years, making 14 years in all.", [("custody", "P8Y"), ("custody", "P6Y"), ("custody", "P14Y")], id="terms-of-and-making-in-all"),
    pytest.param("The magistrate ordered the sentences to run concurrently, giving an effective term of 12 years' imprisonment.", [("custody", "P12Y")], id="za-effective-term"),
    pytest.param("Nwosu was jailed for an aggregate of 11 years.", [("custody", "P11Y")], id="jailed-for-an-aggregate-of"),
    pytest.param("Justice Tremblay imposed a global sentence of nine years.", [("custody", "P9Y")], id="ca-global-sentence"),
    pytest.param("He was sentenced to 7 years on count 1 and 3 years on count 2, consecutive, a total of 10 years.", [("custody", "P7Y"), ("custody", "P3Y"), ("custody", "P10Y")], id="count-by-count-and-total"),
    pytest.param("The sentences shall run concurrently.", [], id="in-run-concurrently-no-term"),
    # appeals and reviews stated without roles
    pytest.param("In R v Haddon the court upheld a sentence of 10 years for a similar offence.", [("custody", "P10Y")], id="comparison-upheld-counts-in-list"),
    pytest.param("The Polish authorities seek his return to serve a sentence of two years and six months' imprisonment imposed by the District Court in Poznan.", [("custody", "P2Y6M")], id="extradition-foreign-sentence"),
    pytest.param("In comparable cases this court has upheld sentences of between eight and ten years.", [], id="comparison-in-general-terms"),
    # kinds of other systems
    pytest.param("Judge Alvarez sentenced Carter to 36 months' probation.", [("community", "P3Y")], id="us-months-probation"),
    pytest.param("She was sentenced to five years of probation and ordered to pay $12,000 in restitution.", [("community", "P5Y")], id="us-years-of-probation"),
    pytest.param("He was sentenced to 364 days in the county jail and three years of formal probation.", [("custody", "P364D"), ("community", "P3Y")], id="us-county-jail-and-formal-probation"),
    pytest.param("The judge sentenced Ramirez to 8 years in state prison.", [("custody", "P8Y")], id="us-state-prison"),
    pytest.param("A Cook County judge sentenced him to life in prison without the possibility of parole.", [("life", None)], id="us-life-in-prison-without-parole"),
    pytest.param("Jenkins was sentenced to 40 years to life in prison.", [("life", "P40Y")], id="us-years-to-life-in-prison"),
    pytest.param("A general court-martial sentenced the sergeant to 14 months' confinement, reduction to the grade of E-1, and a dishonorable discharge.", [("custody", "P1Y2M"), ("other", None), ("other", None)], id="us-general-court-martial"),
    pytest.param("The members sentenced the appellant to a bad-conduct discharge, confinement for four months, and reduction to E-1.", [("other", None), ("custody", "P4M"), ("other", None)], id="us-members-sentenced-bcd-first"),
    pytest.param("The trial court sentenced him to suffer the penalty of reclusion perpetua.", [("life", None)], id="ph-suffer-the-penalty"),
    pytest.param("The governor commuted Ellison's death sentence to life without parole.", [("death", None), ("life", None)], id="us-commuted-to-lwop"),
    pytest.param("He was originally sentenced to death, but the sentence was commuted to life imprisonment in 2009.", [("death", None), ("life", None)], id="death-then-commuted-next-clause"),
    pytest.param("The court placed him on community control for 18 months.", [("community", "P1Y6M")], id="fl-community-control-for"),
    pytest.param("He was on probation for a previous burglary when he committed the offence.", [], id="on-probation-background-no-term"),
    pytest.param("He was released on parole after serving 12 years.", [], id="released-on-parole-after-serving"),
    pytest.param("The state is seeking life without parole.", [], id="seeking-lwop"),
    pytest.param("If convicted, he faces 15 years to life.", [], id="faces-years-to-life"),
    # Indian, Sri Lankan, Philippine, Australian, Canadian, Scottish, Irish phrasings
    pytest.param("The Sessions Court sentenced him to undergo rigorous imprisonment for seven years and to pay a fine of Rs 5,000.", [("custody", "P7Y"), ("fine", None)], id="in-sentenced-to-undergo-ri-and-fine"),
    pytest.param("The accused is sentenced to suffer simple imprisonment for a term of six months.", [("custody", "P6M")], id="in-suffer-si-for-a-term-of"),
    pytest.param("He was sentenced to undergo imprisonment for life and to pay a fine of Rs. 10,000, in default to undergo rigorous imprisonment for one year.", [("life", None), ("fine", None)], id="in-life-fine-default-term"),
    pytest.param("The accused-appellant was sentenced to 7 years' rigorous imprisonment on each count, the sentences to run concurrently.", [("custody", "P7Y")], id="lk-each-count-concurrently"),
    pytest.param("Judge Nguyen imposed a head sentence of six years and six months with a non-parole period of four years.", [("custody", "P6Y6M")], id="au-head-sentence-of"),
    pytest.param("She was jailed for a maximum of five years, with a minimum of three years before she is eligible for parole.", [("custody", "P5Y")], id="au-jailed-for-maximum-minimum-before-parole"),
    pytest.param("He was sentenced to an aggregate term of imprisonment of nine years, commencing on 3 March 2022, with a non-parole period of six years.", [("custody", "P9Y")], id="au-aggregate-term-commencing"),
    pytest.param("Justice Moreau sentenced him to seven years in a federal penitentiary.", [("custody", "P7Y")], id="ca-federal-penitentiary"),
    pytest.param("He received a sentence of 18 months in jail, to be followed by two years' probation.", [("custody", "P1Y6M"), ("community", "P2Y")], id="ca-jail-followed-by-probation"),
    pytest.param("At the High Court in Glasgow, Lord Arthurson jailed him for eight years.", [("custody", "P8Y")], id="scot-lord-jailed-him-for"),
    pytest.param("The sheriff imposed a restriction of liberty order for 10 months.", [("community", "P10M")], id="scot-restriction-of-liberty-order"),
    pytest.param("He was ordered to serve six years in jail by the Quezon City court.", [("custody", "P6Y")], id="ph-ordered-to-serve-in-jail"),
    pytest.param("The court sentenced the accused to imprisonment for a term of three years.", [("custody", "P3Y")], id="imprisonment-for-a-term-of"),
    pytest.param("The High Court sentenced him to 12 years' jail and 10 strokes of the cane.", [("custody", "P12Y")], id="sg-years-jail-and-strokes"),
    # look-alikes
    pytest.param("The offence carries a maximum penalty of seven years in prison.", [], id="carries-maximum-penalty"),
    pytest.param("Prosecutors had asked the judge to jail him for 12 years.", [], id="asked-the-judge-to-jail"),
    pytest.param("Without his guilty plea, the sentence would have been nine years.", [], id="would-have-been-without-plea"),
    pytest.param("He could have been jailed for 14 years.", [], id="could-have-been-jailed"),
    pytest.param("Burglars in the county were sentenced to an average of 18 months last year.", [], id="sentenced-to-an-average-of"),
    pytest.param("Sentencing is set for 12 March, when he could receive up to 20 years.", [], id="could-receive-up-to"),
    pytest.param("Offenders convicted of this offence usually receive sentences of three to five years.", [], id="usually-receive-in-general-terms"),
    pytest.param("In default of payment he will serve 30 days in jail.", [], id="default-will-serve-days"),
    pytest.param("He will be on supervised release for three years after his release.", [], id="supervised-release-alone"),
    pytest.param("The prosecution urged the court to impose a sentence of not less than 10 years.", [], id="urged-not-less-than"),
    pytest.param("He spent five years in prison for an earlier robbery.", [], id="spent-years-for-earlier"),
    pytest.param("The judge said a sentence of six years would be appropriate had he been an adult.", [], id="would-be-appropriate-had"),
    # further variants
    pytest.param("Judge jails fraudster for six years", [("custody", "P6Y")], id="headline-judge-jails"),
    pytest.param("Thief, 34, jailed for 16 weeks", [("custody", "P112D")], id="headline-jailed-weeks"),
    pytest.param("The court imposed a sentence of three years' imprisonment, suspended in full.", [("suspended", "P3Y")], id="suspended-in-full"),
    pytest.param("The judge sentenced her to 15 months, suspended.", [("suspended", "P1Y3M")], id="months-comma-suspended"),
    pytest.param("The defendant is hereby committed to the custody of the Bureau of Prisons to be imprisoned for a total term of 87 months.", [("custody", "P7Y3M")], id="us-judgment-committed-total-term"),
    pytest.param("The court imposed a term of 60 months' imprisonment to be followed by four years of supervised release.", [("custody", "P5Y")], id="us-term-then-supervised-release"),
    pytest.param("Okafor, 29, got life with a minimum of 21 years.", [("life", "P21Y")], id="got-life-with-minimum"),
    pytest.param("Kerr was sentenced to life and must serve 16 years before being considered for release.", [("life", "P16Y")], id="life-must-serve-before-release"),
    pytest.param("The trial court convicted him under Section 302 IPC and sentenced him to imprisonment for life.", [("life", None)], id="in-imprisonment-for-life"),
    pytest.param("She is serving a 10-year sentence for an unrelated fraud.", [("custody", "P10Y")], id="serving-background-sentence-counts"),
    pytest.param("The minimum sentence for the offence is seven years.", [], id="minimum-sentence-for-offence"),
    pytest.param("Prosecutors recommended a term of 10 years.", [], id="prosecutors-recommended"),
    pytest.param("He was remanded in custody for seven days.", [], id="remanded-for-days"),
    pytest.param("He had been in custody for 14 months awaiting trial.", [], id="in-custody-awaiting-trial"),
    pytest.param("Every day without my son feels like a prison sentence.", [], id="metaphor-prison-sentence"),
    pytest.param("The injuries left him with what his lawyer called a life sentence of pain.", [], id="metaphor-life-sentence-of-pain"),
    # Third round (issue 12): run against the code after the second round's rules, before the third's.
    pytest.param("He was handed a two-year jail term, suspended for three years, at Naas Circuit Court.", [("suspended", "P2Y")], id="ie-jail-term-comma-suspended-for"),
    pytest.param("Judge Doyle imposed a sentence of 18 months but suspended it in full.", [("suspended", "P1Y6M")], id="ie-but-suspended-it-in-full"),
    pytest.param("Magistrates gave her 12 weeks in custody, suspended for a year.", [("suspended", "P84D")], id="uk-gave-her-weeks-suspended"),
    pytest.param("The learned Magistrate imposed a sentence of 1 year RI which was suspended for 5 years.", [("suspended", "P1Y")], id="lk-ri-which-was-suspended"),
    pytest.param("Judge Martin Nolan imposed a sentence of six years, with the final 18 months suspended.", [("custody", "P6Y")], id="ie-final-months-suspended-stays-custody"),
    pytest.param("He was jailed for life with a minimum term of 20 years, less the 300 days he has spent on remand.", [("life", "P20Y")], id="life-minimum-less-remand"),
    pytest.param("Justice Fenwick sentenced him to life imprisonment, setting a non-parole period of 30 years.", [("life", "P30Y")], id="au-life-non-parole-period"),
    pytest.param("He was sentenced to life in prison, and will not be eligible for parole for 25 years.", [("life", "P25Y")], id="ca-life-not-eligible-for-parole-for"),
    pytest.param("The judge told Reid he would die in prison as she handed him a whole-life order.", [("life", None)], id="uk-handed-whole-life-order"),
    pytest.param("His lawyer said a life sentence would be cruel.", [], id="life-sentence-would-be"),
    pytest.param("He was sentenced to a total of 14 years' imprisonment for the offences.", [("custody", "P14Y")], id="total-of-years-for-offences"),
    pytest.param("The judge imposed sentences totalling 8 years and 6 months.", [("custody", "P8Y6M")], id="imposed-sentences-totalling"),
    pytest.param("The Court of Appeal dismissed his appeal against a sentence of 11 years.", [("custody", "P11Y")], id="dismissed-appeal-against-sentence-of"),
    pytest.param("The Court of Criminal Appeal found the sentence of four years unduly lenient and substituted one of seven years.", [("custody", "P4Y"), ("custody", "P7Y")], id="ie-unduly-lenient-substituted-one-of"),
    pytest.param("His sentence was cut from nine years to six on appeal.", [("custody", "P9Y"), ("custody", "P6Y")], id="cut-from-to-bare-number"),
    pytest.param("The appeal court upheld his 12-year sentence.", [("custody", "P12Y")], id="upheld-year-sentence"),
    pytest.param("Leave to appeal against the sentence of 5 years was refused.", [("custody", "P5Y")], id="leave-refused-sentence-of"),
    pytest.param("Jackson was sentenced to 15 years in the Texas Department of Criminal Justice.", [("custody", "P15Y")], id="us-tdcj"),
    pytest.param("A federal judge sentenced him to 87 months behind bars.", [("custody", "P7Y3M")], id="us-months-behind-bars"),
    pytest.param("He was sentenced to 30 days in jail and 24 months of probation.", [("custody", "P30D"), ("community", "P2Y")], id="us-days-jail-and-months-probation"),
    pytest.param("The accused was sentenced to 5 years' rigorous imprisonment and a fine of Rs 1 lakh.", [("custody", "P5Y"), ("fine", None)], id="in-ri-and-fine-lakh"),
    pytest.param("The court awarded life imprisonment to the accused.", [("life", None)], id="in-awarded-life"),
    pytest.param("A POCSO court sentenced the man to 20 years' rigorous imprisonment.", [("custody", "P20Y")], id="in-pocso-ri"),
    pytest.param("He was awarded the death sentence by the trial court, which the High Court commuted to life imprisonment.", [("death", None), ("life", None)], id="in-awarded-death-commuted"),
    pytest.param("The court sentenced her to six years and one day to 12 years in prison.", [("custody", "P12Y")], id="ph-and-one-day-to-range"),
    pytest.param("He was sentenced to an intensive correction order of two years.", [("community", "P2Y")], id="au-ico-of"),
    pytest.param("The sheriff jailed him for 16 months.", [("custody", "P1Y4M")], id="scot-sheriff-jailed"),
    pytest.param("He was ordered to carry out 200 hours of unpaid work.", [("community", None)], id="scot-carry-out-unpaid-work"),
    pytest.param("He was sentenced in 2015 to a term that has since expired.", [], id="term-without-length"),
    pytest.param("The maximum sentence he could have received was 10 years.", [], id="maximum-could-have-received"),
    pytest.param("Defence counsel asked for a suspended sentence.", [], id="asked-for-suspended"),
    pytest.param("She avoided a custodial sentence.", [], id="avoided-custodial"),
    pytest.param("He had previously served four years for robbery.", [], id="previously-served"),
    pytest.param("The judge warned him he could face a life sentence.", [], id="could-face-life"),
    pytest.param("A 12-month driving ban was also imposed.", [], id="ban-not-sentence"),
    pytest.param("He was given 28 days to pay.", [], id="given-days-to-pay"),
    pytest.param("He was given three years to repay the money.", [], id="given-years-to-repay"),
    pytest.param("The hearing was adjourned for four weeks.", [], id="adjourned-for-weeks"),
    # Fourth round (issue 12): longer passages, run after the third round's rules, before the fourth's.
    pytest.param("Martinez, 34, was sentenced Tuesday by Superior Court Judge Ana Ruiz to 12 years and four months in state prison after pleading guilty to two counts of robbery.", [("custody", "P12Y4M")], id="us-sentenced-by-judge-to"),
    pytest.param("U.S. District Judge Mark Ellis sentenced Thompson to 188 months in prison, to be followed by five years of supervised release, and ordered him to pay $45,000 in restitution.", [("custody", "P15Y8M")], id="us-doj-months-supervised-restitution"),
    pytest.param("Holt was sentenced to serve 25 years in the Department of Corrections.", [("custody", "P25Y")], id="us-sentenced-to-serve-doc"),
    pytest.param("Lopez received a sentence of 50 years to life.", [("life", "P50Y")], id="us-received-years-to-life"),
    pytest.param("He was sentenced to an indeterminate term of 7 to 21 years.", [("custody", "P21Y")], id="us-indeterminate-term-of"),
    pytest.param("Recorder Jane Pike jailed Hussain, of Oldham, for three years and four months after he admitted causing death by dangerous driving.", [("custody", "P3Y4M")], id="uk-jailed-name-of-town-for"),
    pytest.param("He was given an 18-month community order with a 30-day rehabilitation activity requirement.", [("community", "P1Y6M")], id="uk-community-order-with-rar"),
    pytest.param("She was handed a 20-week prison sentence, suspended for 12 months, and ordered to pay £500 compensation.", [("suspended", "P140D")], id="uk-week-prison-sentence-suspended"),
    pytest.param("The judge imposed a sentence of two years' detention in a young offender institution.", [("custody", "P2Y")], id="uk-detention-in-yoi"),
    pytest.param("He was sentenced to a four-year detention and training order.", [("other", "P4Y")], id="uk-dto-years"),
    pytest.param("He will be eligible for parole in 2031, after serving a non-parole period of eight years.", [], id="au-non-parole-alone"),
    pytest.param("Judge Smith sentenced Brown to four years' jail, to be released after two years on a recognisance.", [("custody", "P4Y")], id="au-years-jail-recognisance"),
    pytest.param("Provincial court Judge Lee sentenced him to 90 days, to be served intermittently on weekends.", [("custody", "P90D")], id="ca-intermittent"),
    pytest.param("The Special Judge convicted the accused and sentenced him to rigorous imprisonment for a period of ten years along with a fine of Rs. 50,000.", [("custody", "P10Y"), ("fine", None)], id="in-ri-period-along-with-fine"),
    pytest.param("The High Court upheld the conviction but reduced the sentence to the period already undergone.", [], id="in-period-already-undergone"),
    pytest.param("The accused shall undergo rigorous imprisonment for life, which shall mean imprisonment for the remainder of his natural life.", [("life", None)], id="in-life-remainder-of-natural-life"),
    pytest.param("The accused was convicted and sentenced to 20 years rigorous imprisonment on each of the two counts, to run concurrently.", [("custody", "P20Y")], id="lk-each-of-two-counts-concurrently"),
    pytest.param("Having considered the mitigating factors, I impose a sentence of 2 years rigorous imprisonment.", [("custody", "P2Y")], id="lk-i-impose-sentence-of"),
    pytest.param("The Sandiganbayan sentenced the former mayor to six to ten years in prison for graft.", [("custody", "P10Y")], id="ph-six-to-ten-years"),
    pytest.param("The convening authority approved the sentence of confinement for 30 months and a dishonorable discharge.", [("custody", "P2Y6M"), ("other", None)], id="us-convening-authority-approved"),
    pytest.param("A panel of officer members sentenced appellant to a dismissal and confinement for two years.", [("other", None), ("custody", "P2Y")], id="us-officer-dismissal"),
    pytest.param("Lady Stacey sentenced him to six years, backdated to March when he was first remanded.", [("custody", "P6Y")], id="scot-backdated"),
    pytest.param("The Crown had argued for a sentence of at least eight years.", [], id="crown-argued-for"),
    pytest.param("He was released in 2019 after serving 14 years of a 20-year sentence.", [("custody", "P20Y")], id="served-years-of-a-year-sentence"),
    pytest.param("The sentence reflects a reduction of one third for his guilty plea.", [], id="plea-reduction-share"),
    pytest.param("Prosecutors are seeking a sentence of 30 years.", [], id="prosecutors-seeking"),
    pytest.param("The guidelines recommend between 57 and 71 months.", [], id="us-guidelines-recommend"),
    pytest.param("He was sentenced to time served.", [], id="time-served-no-term"),
    pytest.param("The judge deferred sentence for six months.", [], id="deferred-sentence"),
    pytest.param("He must pay the fine within 14 days or serve seven days in prison.", [], id="pay-within-or-serve"),
]

# Appeals: the sentence below and the one substituted, each with its role.
APPEAL_ROLES = [
    pytest.param("The sentence of 30 months is quashed and 8 months substituted.", [("custody", "P2Y6M", "original"), ("custody", "P8M", "substituted")], id="quashed-and-substituted-after"),
    pytest.param("We reduce the term to 6 years.", [("custody", "P6Y", "substituted")], id="we-reduce-the-term-to"),
    pytest.param("The Supreme Court commuted the death sentence to life imprisonment.", [("death", None, "original"), ("life", None, "substituted")], id="death-commuted"),
    pytest.param("He was sentenced to five years' imprisonment. The appeal is dismissed.", [("custody", "P5Y", "imposed")], id="appeal-dismissed-sentence-stands"),
]

# Appeal passages the rules were not tuned on, each sentence with its role.
APPEAL_HELD_OUT = [
    pytest.param("The sentence of four years' imprisonment imposed at Leeds Crown Court is quashed and a sentence of three years is substituted.", [("custody", "P4Y", "original"), ("custody", "P3Y", "substituted")], id="quashed-and-a-sentence-substituted"),
    pytest.param("We allow the appeal and reduce the total term from 10 years to 8 years.", [("custody", "P10Y", "original"), ("custody", "P8Y", "substituted")], id="reduce-total-from-to"),
    pytest.param("On review, the minimum term of 16 years set by the trial judge was reduced to 14 years.", [("life", "P16Y", "original"), ("life", "P14Y", "substituted")], id="minimum-term-review"),
    pytest.param("The appeal against sentence is dismissed and the sentence of seven years stands.", [("custody", "P7Y", "imposed")], id="dismissed-sentence-stands"),
    pytest.param("The High Court set aside the sentence of 12 years rigorous imprisonment and imposed 7 years rigorous imprisonment.", [("custody", "P12Y", "original"), ("custody", "P7Y", "substituted")], id="lk-set-aside-and-imposed"),
    pytest.param("The sentence of 30 months is quashed. In its place we impose a sentence of 20 months.", [("custody", "P2Y6M", "original"), ("custody", "P1Y8M", "substituted")], id="quashed-in-its-place-next-sentence"),
    pytest.param("The Court of Criminal Appeal increased the sentence to six years.", [("custody", "P6Y", "substituted")], id="ie-increased-to"),
    pytest.param("The appellant was sentenced to 9 years' imprisonment on 4 May 2021. His appeal against sentence is dismissed.", [("custody", "P9Y", "imposed")], id="sentenced-then-dismissed"),
]

# Totals: each sentence as (kind, term, total_term), the whole custodial term
# the statement gives the case (None where the statement gives none).
TOTALS = [
    pytest.param("He was jailed for 13 years on each of three counts, to run consecutively.", [("custody", "P13Y", "P39Y")], id="each-of-three-consecutive"),
    pytest.param("He was jailed for 13 years on each of three counts, to run concurrently.", [("custody", "P13Y", "P13Y")], id="each-of-three-concurrent"),
    pytest.param("Judge Ferris imposed 30 months for each of the two burglaries, to be served consecutively.", [("custody", "P2Y6M", "P5Y")], id="each-of-two-burglaries-consecutive"),
    pytest.param("He was sentenced to six years for the robbery and two years consecutive for the firearm, eight years in all.", [("custody", "P6Y", None), ("custody", "P2Y", None), ("custody", "P8Y", "P8Y")], id="parts-and-in-all"),
    pytest.param("She received 5 years for the fraud and 3 years consecutively for money laundering.", [("custody", "P5Y", None), ("custody", "P3Y", "P8Y")], id="consecutive-parts-sum"),
    pytest.param("Nwosu was jailed for an aggregate of 11 years.", [("custody", "P11Y", "P11Y")], id="aggregate-is-total"),
]

# Regressions found on the shared corpus (issue 12), paraphrased.
BUGS_CAUGHT = [
    # lk-ca-crim-2024-december-1151: a default term earlier in the sentence hid the suspended term after it
    pytest.param("He was fined Rs. 100 with a default sentence of one month, and for a period of 6 months rigorous imprisonment suspended for a period of 5 years.", [("fine", None), ("suspended", "P6M")], id="lk-default-then-suspended"),
    # lk-ca-crim-2022-october-1174: a restatement of a term the judgment gave as suspended
    pytest.param("He was sentenced to 2 years’ rigorous imprisonment, suspending for 5 years. The trial judge erroneously imposed two years’ imprisonment on the first count.", [("suspended", "P2Y"), ("suspended", "P2Y")], id="lk-restated-suspended"),
    # us-kings-ny-da-*: a page's <title> line repeats the headline
    pytest.param("Man Sentenced to 20 Years in Prison for Stabbing - The Brooklyn District Attorney's Office\nHOME\nMan Sentenced to 20 Years in Prison for Stabbing\nThe man was sentenced to 20 years in prison.", [("custody", "P20Y"), ("custody", "P20Y")], id="us-page-title-line"),
    # uk-news-dailymail-female-prison-guard-*: "two life terms" is two life sentences
    pytest.param("The addict was sentenced to two life terms at Cardiff Crown Court in 2004.", [("life", None), ("life", None)], id="two-life-terms"),
    # lk-ca-crim-2024-december-1151: fines imposed without their sums, and "the suspended sentence" pointing back
    pytest.param("The Magistrate imposed 3 months which was suspended for 5 years, in addition to the fine imposed on that count. On the other counts he was imposed a fine only.", [("suspended", "P3M"), ("fine", None), ("fine", None)], id="lk-fine-imposed-without-sum"),
    pytest.param("The High Court converted the suspended sentence into an active sentence of 3 months simple imprisonment.", [("custody", "P3M")], id="lk-the-suspended-sentence-points-back"),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "expected"), grouped(dev=DEV, held_out=HELD_OUT, bugs_caught=BUGS_CAUGHT)
)
def test_sentences_in_context(
    mentions_of, text: str, expected: list[tuple[str, str | None]]
) -> None:
    found = [(m.value.kind, m.value.term) for m in mentions_of(text, "sentence")]
    assert Counter(found) == Counter(expected)


@pytest.mark.parametrize(
    ("text", "expected"), grouped(appeal=APPEAL_ROLES, held_out=APPEAL_HELD_OUT)
)
def test_appeal_roles_in_context(
    mentions_of, text: str, expected: list[tuple[str, str | None, str]]
) -> None:
    found = [(m.value.kind, m.value.term, m.value.role) for m in mentions_of(text, "sentence")]
    assert Counter(found) == Counter(expected)


@pytest.mark.parametrize(("text", "expected"), grouped(totals=TOTALS))
def test_totals_in_context(
    mentions_of, text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    found = [
        (m.value.kind, m.value.term, m.value.total_term) for m in mentions_of(text, "sentence")
    ]
    assert Counter(found) == Counter(expected)
