"""Quote speakers: partial quotes a speech verb governs, and subjects the parser lost."""

from articles.reading import read_report


def speakers(body: str) -> list[tuple[str | None, str]]:
    return [(q["speaker"], q["text"]) for q in read_report("t", body)["quotes"]]


def test_a_word_or_two_quoted_under_a_speech_verb_is_the_speakers_partial_quote():
    body = (
        "Senator Thomas Bramwell blamed Democrats for what he called the “hostage-taking” of pay. "
        'In a victory speech, Mayor Ann Lee said she would "keep going" on roads.'
    )
    assert speakers(body) == [("Thomas Bramwell", "hostage-taking"), ("Ann Lee", "keep going")]


def test_a_relative_pronoun_does_not_hide_the_speaker_of_a_partial_quote():
    body = "Governor Rhett Caldwell spoke first. He attacked the platform, which he said had “silenced” conservatives."
    assert speakers(body) == [("Rhett Caldwell", "silenced")]


def test_scare_quotes_stay_out_even_beside_a_speech_verb():
    body = (
        'Twitter\'s "chief twit" has not commented on the lawsuit. '
        "Attorney General Brent Dufresne, who has built his career on a “free speech” crusade, said little."
    )
    assert speakers(body) == []


def test_a_speaker_the_parser_lost_is_the_person_opening_the_sentence():
    body = (
        "Justice Samuel T. Cordero, joined by two other conservatives, dissented, warning of "
        "“the dangers of unchecked corporate power over public discourse.”"
    )
    assert speakers(body) == [
        ("Samuel T. Cordero", "the dangers of unchecked corporate power over public discourse.")
    ]


def test_a_passive_participle_does_not_make_the_sentence_opener_the_speaker():
    body = 'Mayor Ann Lee, described by critics as "a builder with no plan", won again.'
    assert [s for s, _ in speakers(body)] in ([None], [])


MAY = (
    "Prime Minister Theresa May lost the vote on Tuesday.\n\n"
    '"The House has spoken and the government will listen," May told parliament.\n\n'
    "A total of 118 of May's own Conservative lawmakers voted against the agreement. "
    "The deal may pass in May. Talks may resume on May 5."
)


def test_a_surname_the_parser_takes_for_a_modal_or_a_month_is_the_person():
    reading = read_report("", MAY)
    (may,) = [e for e in reading["entities"] if e["kind"] == "person"]
    spans = [MAY[m["start"] : m["end"]] for m in may["mentions"]]
    assert spans == ["Theresa May", "May", "May"]  # the quote's "May told" and "May's own"
    assert [(q["text"][:15], q["speaker"]) for q in reading["quotes"]] == [("The House has s", "Theresa May")]


def test_a_persons_name_is_not_read_as_a_date_but_the_month_still_is():
    dates = [n["text"] for n in read_report("", MAY)["numbers"] if n["kind"] == "date"]
    assert dates == ["Tuesday", "May", "May 5"]


def test_a_shrug_attributes_a_quote_and_a_shouted_name_is_listed_in_ordinary_case():
    text = 'DONALD Trump walked out of the summit. "Sometimes you have to walk," Trump shrugged.'
    reading = read_report("", text)
    assert [(e["name"], e["kind"]) for e in reading["entities"]] == [("Donald Trump", "person")]
    assert [q["speaker"] for q in reading["quotes"]] == ["Donald Trump"]


def test_a_generational_suffix_in_capitals_is_not_shouting_and_keeps_its_capitals():
    text = (
        "Lawyer L. Chris Bowden III told jurors the firm cut corners. "
        '"This was preventable," Bowden said. Bowden was hired in 2021.'
    )
    reading = read_report("", text)
    people = [e["name"] for e in reading["entities"] if e["kind"] == "person"]
    assert people == ["L. Chris Bowden III"]


def test_a_tabloids_title_or_epithet_before_a_name_is_not_part_of_it():
    text = (
        'Jurgen Klopp was proud. Boss Klopp hailed his heroes as "mentality giants" at full time. '
        "Injured Mo Salah watched from the stands. Billionaire Dmitri Vance took a chainsaw to Twitter."
    )
    reading = read_report("", text)
    people = [(e["name"], e["variants"]) for e in reading["entities"] if e["kind"] == "person"]
    assert people == [
        ("Jurgen Klopp", ["Jurgen Klopp", "Klopp"]),
        ("Mo Salah", ["Mo Salah"]),
        ("Dmitri Vance", ["Dmitri Vance"]),
    ]
    assert [q["speaker"] for q in reading["quotes"]] == ["Jurgen Klopp"]


def test_a_full_name_that_speaks_is_a_person_even_when_the_model_tags_nothing_or_a_building():
    body = (
        'Governor Laurent Desrochers told reporters that tariffs had "knocked the wind out of" investment.\n\n'
        'Mum-of-two Meera Kulkarni-Dunne, 36, said: "I saw sparks and then a massive flash."\n\n'
        '"When we touched down the whole plane burst into applause," she added.'
    )
    entities = {e["name"]: e["kind"] for e in read_report("t", body)["entities"]}
    assert entities.get("Laurent Desrochers") == "person"
    assert entities.get("Meera Kulkarni-Dunne") == "person"
    assert speakers(body) == [
        ("Laurent Desrochers", "knocked the wind out of"),
        ("Meera Kulkarni-Dunne", "I saw sparks and then a massive flash."),
        ("Meera Kulkarni-Dunne", "When we touched down the whole plane burst into applause"),
    ]


def test_a_hyphenated_surname_alone_points_back_to_the_full_name():
    body = (
        "Reform UK candidate Craig Ellison-Platt came within a whisker of an upset.\n\n"
        '"People here have been ignored for decades," Ellison-Platt told supporters at the count.'
    )
    assert speakers(body) == [("Craig Ellison-Platt", "People here have been ignored for decades")]


def test_a_railway_that_speaks_stays_a_body():
    body = 'BNSF Railway said the line "will reopen by Friday at the earliest," and gave no other details.'
    entities = {e["name"]: e["kind"] for e in read_report("t", body)["entities"]}
    assert entities.get("BNSF Railway") == "organisation"


def test_the_quotes_own_subject_hung_on_the_reporting_verb_does_not_hide_the_speaker():
    body = (
        "Semi-automatic rifles will be banned from today.\n\n"
        '"On 15 March our history changed forever. Now, our laws will too," Ms Ardern told a news '
        "conference in Wellington."
    )
    assert [s for s, _ in speakers(body)] == ["Ardern"]


def test_a_first_name_before_may_read_as_the_modal_is_a_speaker():
    body = (
        "French President Emmanuel Macron said he was sad.\n\n"
        'Theresa May tweeted: "My thoughts are with the people of France tonight."'
    )
    assert speakers(body) == [("Theresa May", "My thoughts are with the people of France tonight.")]


def test_the_office_a_report_names_one_person_by_speaks_for_that_person():
    body = (
        "President Donald Trump met factory workers in Ohio on Tuesday.\n\n"
        '"We are bringing the jobs back, and nobody thought we could," the president said.'
    )
    assert [s for s, _ in speakers(body)] == ["Donald Trump"]
    two = (
        "President Donald Trump met President Moon Jae-in in Seoul on Sunday.\n\n"
        '"We had a very good meeting about the future," the president said.'
    )
    assert [s for s, _ in speakers(two)] == [None]


def test_the_kind_of_body_a_report_names_one_of_speaks_for_that_body():
    body = (
        "An Ethiopian Airlines jet crashed minutes after take-off on Sunday.\n\n"
        '"There are no survivors among the passengers and crew," the airline said in a statement.'
    )
    assert [s for s, _ in speakers(body)] == ["Ethiopian Airlines"]
    two = (
        "American Airlines flew the route for a decade. United Airlines took it over in 2019.\n\n"
        '"Flights will resume on Monday morning as planned," the airline said.'
    )
    assert [s for s, _ in speakers(two)] == [None]


def test_he_after_two_people_acting_in_the_sentences_before_is_nobody_rather_than_a_guess():
    body = (
        "Attorney General William Barr released a letter on Sunday. "
        "Barr, together with Deputy Attorney General Rod Rosenstein, then decided on his own that "
        "the evidence was not enough. Trump's take?\n\n"
        '"No Collusion, No Obstruction, Complete and Total EXONERATION," he tweeted.'
    )
    assert speakers(body) == [(None, "No Collusion, No Obstruction, Complete and Total EXONERATION")]


def test_he_is_the_subject_of_his_own_sentence_whoever_the_sentence_before_named():
    body = (
        "The White House did not say whether Mr. Whitcomb would sign the bill. "
        "In a long speech, the majority leader, Sen. Thomas Bramwell, blamed Democrats for what "
        "he called the “hostage-taking” of federal paychecks."
    )
    assert speakers(body) == [("Thomas Bramwell", "hostage-taking")]


def test_she_after_someone_owned_is_the_person_acting():
    body = (
        "The victim, Marcus Hale, was 34. Marcus Hale's sister, Kiara Hale-Owens, disputed the "
        'police account. "My brother never pulled a gun on anybody," she said.'
    )
    assert speakers(body) == [("Kiara Hale-Owens", "My brother never pulled a gun on anybody")]


def test_a_speech_verb_in_a_clause_of_its_own_after_the_quote_does_not_report_it():
    body = (
        "Special counsel Robert Mueller wrote the report. The most revealing passages are the small ones: "
        'the president\'s reaction to the appointment ("This is the end of my Presidency"), and the aides '
        "who, again and again, simply did not do what he asked."
    )
    assert speakers(body) == [(None, "This is the end of my Presidency")]


def test_what_a_gerund_acts_on_is_no_speaker_but_a_ruling_party_is():
    body = (
        "Donald Trump met aides on Sunday. Trump, speaking to reporters before boarding Air Force One in "
        'Florida, called the findings "a complete and total exoneration" of his campaign.\n\n'
        'The ruling Democratic Party of Korea said it opened "a new chapter" in the peace process.'
    )
    assert speakers(body) == [
        ("Donald Trump", "a complete and total exoneration"),
        ("Democratic Party of Korea", "a new chapter"),
    ]


def test_a_leader_named_with_a_title_after_a_nationality_is_the_person_speaking():
    body = (
        "A man in his late twenties has been charged with murder. "
        "Australian PM Scott Morrison confirmed he was an Australian citizen, calling him an "
        '"extremist, right-wing, violent terrorist".'
    )
    assert speakers(body) == [("Scott Morrison", "extremist, right-wing, violent terrorist")]


def test_the_maker_before_a_model_number_is_an_organisation_of_its_own():
    body = (
        "An Ethiopian Airlines Boeing 737 MAX 8 bound for Nairobi crashed on Sunday. "
        'Boeing said it was "deeply saddened" by the loss.'
    )
    assert speakers(body) == [("Boeing", "deeply saddened")]


def test_the_operator_before_a_maker_and_a_model_number_is_named_without_its_article():
    found = {
        e["name"]: e["kind"]
        for e in read_report("t", "The Lion Air Boeing 737 MAX 8 crashed on Monday.")["entities"]
    }
    assert found.get("Lion Air") == "organisation"
    assert "The Lion Air" not in found


def test_a_participle_after_a_comma_speaks_for_the_sentences_subject_and_the_bank_is_the_bank_of():
    body = (
        "The Bank of Canada cut its rate on Wednesday. The bank did not signal whether further cuts "
        'would follow, saying in a statement that it would "take decisions one meeting at a time."'
    )
    assert speakers(body) == [("Bank of Canada", "take decisions one meeting at a time.")]


def test_the_governor_is_the_one_person_named_with_the_abbreviated_title():
    body = (
        "Gov. Danielle Okafor vetoed the bill on Friday. In a veto letter, the governor claimed that "
        'large farms would "pump without limit and drain the aquifer."'
    )
    assert speakers(body) == [("Danielle Okafor", "pump without limit and drain the aquifer.")]


def test_he_after_a_spokesman_for_someone_named_is_nobody_known():
    body = (
        "A spokesman for the European Council President, Donald Tusk, said the EU regretted the outcome. "
        'He said the EU would consider an extension, but would expect a "credible justification".'
    )
    assert not [speaker for speaker, _ in speakers(body) if speaker]


def test_she_after_a_her_that_stands_for_someone_else_is_nobody_known():
    body = (
        "Theresa May offered a new deal on Tuesday. Her own MPs revolted, the Commons leader Andrea "
        "Leadsom resigned, and the writing was on the wall.\n\n"
        'She said it was a matter of "deep regret" that she could not deliver Brexit.'
    )
    assert not [speaker for speaker, _ in speakers(body) if speaker]
    # A pronoun in a clause the name's own clause governs is the name's.
    body = (
        "His lawyer, Marguerite Dunleavy-Ortiz, had sought probation.\n\n"
        "Before he was sentenced, Mr. Kowalczyk stood and read from a prepared statement.\n\n"
        '"I was trusted, and I broke that trust," he said.'
    )
    assert [speaker for speaker, _ in speakers(body)] == ["Kowalczyk"]


def test_a_quote_opening_the_sentence_after_someones_reported_words_is_theirs():
    body = (
        "Trains stopped for six hours on Tuesday.\n\n"
        "Deputy Transport Minister Halima Osei said passengers deserved better. "
        '"They pay their fares and they expect the trains to run."\n\n'
        "The operator apologised."
    )
    assert speakers(body)[0][0] == "Halima Osei"


def test_a_quote_in_the_next_paragraph_after_reported_words_is_not_given_to_their_speaker():
    body = (
        "Deputy Transport Minister Halima Osei said passengers deserved better.\n\n"
        '"Nobody told us anything for three hours and the platform was packed."\n\n'
        "The operator apologised."
    )
    assert speakers(body)[0][0] is None


def test_she_passes_over_a_man_named_as_someones_husband_to_the_woman_before_him():
    body = (
        "Teacher Grace Mwangi, 45, whose husband Peter lost his job, said the cuts hurt.\n\n"
        '"We can barely pay the rent now," she said.'
    )
    assert speakers(body)[0][0] == "Grace Mwangi"


def test_a_quote_the_parser_gives_to_an_abbreviated_rank_is_the_named_officers():
    body = '"We are still searching the river," said Cpl. Helen Marsh, a spokesperson for the police.'
    assert speakers(body)[0][0] == "Helen Marsh"


def test_a_name_set_beside_a_speaking_title_is_the_speaker_though_the_model_missed_it():
    body = (
        "B.C.'s Minister of Emergency Management, Rajinder S. Sandhu, said the province had asked "
        'Ottawa for more crews. "Every crew we can find is on the line tonight," Sandhu said.'
    )
    reading = read_report("t", body)
    assert "Rajinder S. Sandhu" in {e["name"] for e in reading["entities"] if e["kind"] == "person"}
    assert reading["quotes"][0]["speaker"] == "Rajinder S. Sandhu"


def test_quoted_words_describing_the_noun_after_them_are_not_a_quote():
    assert speakers('Dana Whitlock ran as the "back to basics" candidate in the ward.') == []
    assert speakers('Voters backed the "jobs before roads" slate on Tuesday.') == []


def test_a_speech_verb_in_the_sentence_before_does_not_claim_a_scare_quote():
    body = (
        'The mayor, Tom Reyes, called the plan "a betrayal" and said his town had been "sold out by the state".\n\n'
        'Reyes, 61, is the last holder of a "lifetime seat" that critics mocked in 2019.'
    )
    assert speakers(body) == [("Tom Reyes", "a betrayal"), ("Tom Reyes", "sold out by the state")]


def test_the_person_holding_a_bodys_post_speaks_when_the_parse_makes_the_body_the_subject():
    body = (
        "Interest rates rose again on Tuesday.\n\n"
        'Harbour Savings Bank (HSB) chief economist Priya Natarajan Holt said the rise was "a cold shower" '
        "for borrowers."
    )
    assert speakers(body) == [("Priya Natarajan Holt", "a cold shower")]


def test_words_quoted_inside_the_writers_own_sentence_do_not_go_on_in_the_last_speakers_voice():
    body = (
        '"He worked hard from small," said taxi operator Desmond Grant, who has known the runner since school.\n'
        'Others were less kind on social media, with one user calling him "a disgrace to the green, black and gold".'
    )
    assert speakers(body) == [
        ("Desmond Grant", "He worked hard from small"),
        (None, "a disgrace to the green, black and gold"),
    ]


def test_an_unnamed_spokeswoman_for_a_body_or_a_person_speaks_their_words():
    body = (
        "Markets fell sharply on Monday.\n\n"
        'A spokeswoman for the Pacific Development Bank said the bank was "watching closely."'
    )
    assert speakers(body) == [("Pacific Development Bank", "watching closely.")]
    body = 'Fares will rise. A spokesman for Mayor Renata Osei-Lindqvist said she would "keep pushing" for money.'
    assert speakers(body) == [("Renata Osei-Lindqvist", "keep pushing")]
    # a spokeswoman named in apposition speaks herself
    body = 'Helen Marsh-Abara, a spokeswoman for Ashdown Energy, said: "We are sorry."'
    assert speakers(body) == [("Helen Marsh-Abara", "We are sorry.")]


def test_a_short_family_name_the_tagger_reads_as_a_verb_opens_the_speakers_name():
    # "Go", "Oh": Korean family names that are English words; after "said" in mid-sentence they
    # open the name, which is someone's, not a building or a town
    body = (
        "“The meeting is a sign of nothing,” said Go Myong-hyun, a research fellow at the Asan "
        "Institute in Seoul. “It changes little,” said Oh Se-hoon, the mayor of Seoul."
    )
    report = read_report("t", body)
    assert [q["speaker"] for q in report["quotes"]] == ["Go Myong-hyun", "Oh Se-hoon"]
    people = {e["name"] for e in report["entities"] if e["kind"] == "person"}
    assert people == {"Go Myong-hyun", "Oh Se-hoon"}
    assert "Myong-hyun" not in {e["name"] for e in report["entities"]}


def test_a_capitalised_word_before_a_speakers_name_is_no_family_name_when_it_is_a_title():
    body = "“It is over,” said Dr Kim Min-jae, a cardiologist."
    assert speakers(body)[0][0] == "Kim Min-jae"


def test_a_judge_who_ruled_in_quoted_words_speaks_them():
    body = (
        "Judge Lorraine Whitcombe ruled that the new DNA evidence “would probably have produced a "
        "different result” at trial."
    )
    assert speakers(body) == [("Lorraine Whitcombe", "would probably have produced a different result")]


def test_a_bare_surname_shared_with_a_relative_introduced_as_one_stays_the_first_persons():
    body = (
        "A Baltimore judge on Tuesday vacated the murder conviction of Reginald T. Saunders, who has "
        "spent 31 years in prison for a 1993 shooting.\n\nSaunders, 49, walked out of the courthouse "
        "shortly after 3 p.m. and hugged his mother, Bernice Saunders, 76, on the steps.\n\n"
        "“I never stopped telling the truth, and today somebody finally listened,” Saunders told reporters."
    )
    assert speakers(body) == [
        ("Reginald T. Saunders", "I never stopped telling the truth, and today somebody finally listened")
    ]


def test_the_office_a_speaker_is_called_by_points_back_to_its_holder_named_before():
    # another governor named later does not make "the governor" anyone's
    body = (
        "A grand jury charged Louisiana Gov. Lucien Thibodeaux III with bribery on Thursday.\n\n"
        '"This is a political prosecution," the governor said.\n\n'
        'Mississippi Gov. Simone Broussard said the charges "deserve a fair hearing."'
    )
    assert speakers(body) == [
        ("Lucien Thibodeaux III", "This is a political prosecution"),
        ("Simone Broussard", "deserve a fair hearing."),
    ]
