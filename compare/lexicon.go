package compare

// Word lists used by normalisation. They describe English news prose in general, not
// any particular story.

var months = map[string]string{
	"jan": "jan", "january": "jan", "feb": "feb", "february": "feb", "mar": "mar", "march": "mar",
	"apr": "apr", "april": "apr", "may": "may", "jun": "jun", "june": "jun", "jul": "jul", "july": "jul",
	"aug": "aug", "august": "aug", "sep": "sep", "sept": "sep", "september": "sep", "oct": "oct",
	"october": "oct", "nov": "nov", "november": "nov", "dec": "dec", "december": "dec",
}

// ordinals maps ordinal words to their numbers. "first" and "second" are left out:
// they are as often "first time" and "a second".
var ordinals = map[string]string{
	"third": "3", "fourth": "4", "fifth": "5", "sixth": "6", "seventh": "7", "eighth": "8",
	"ninth": "9", "tenth": "10", "eleventh": "11", "twelfth": "12", "thirteenth": "13",
	"fourteenth": "14", "fifteenth": "15", "sixteenth": "16", "seventeenth": "17",
	"eighteenth": "18", "nineteenth": "19", "twentieth": "20",
}

// phraseAlias maps two-word names to one key.
var phraseAlias = map[string]string{
	"united states": "usa", "united nations": "un", "united kingdom": "uk", "great britain": "uk",
	"white house": "whitehous", "state department": "statedepart", "health ministry": "healthministri",
	"west bank": "westbank", "gaza strip": "gaza", "cease fire": "ceasefir", "european union": "eu",
}

// capsAlias maps abbreviations written in capitals.
var capsAlias = map[string]string{
	"U.S": "usa", "U.S.": "usa", "US": "usa", "USA": "usa", "U.S.A.": "usa",
	"U.N": "un", "U.N.": "un", "UN": "un", "U.K": "uk", "U.K.": "uk", "UK": "uk",
	"E.U.": "eu", "EU": "eu", "IDF": "idf",
}

// wordAlias maps lower-case words and hyphen-joined compounds to a shared key.
var wordAlias = map[string]string{
	"american": "usa", "americans": "usa", "america": "usa", "washington": "usa",
	"britain": "uk", "british": "uk",
	"ceasefire": "ceasefir", "ceasefires": "ceasefir",
	"israeli": "israel", "israelis": "israel",
	"palestinian": "palestinian", "palestinians": "palestinian",
	"gazan": "gaza", "gazans": "gaza",
	"saudi": "saudi", "saudis": "saudi",
	"qatari": "qatar", "jordanian": "jordan", "egyptian": "egypt", "iranian": "iran", "turkish": "turkey",
	"lebanese": "lebanon", "syrian": "syria", "iraqi": "iraq", "yemeni": "yemen", "russian": "russia",
	"ukrainian": "ukraine", "chinese": "china", "french": "franc", "german": "germani",
	"idf": "idf",
}

// irregular maps irregular verb forms and plurals to the form the stemmer expects.
var irregular = map[string]string{
	"met": "meet", "fled": "flee", "took": "take", "taken": "take", "went": "go", "gone": "go",
	"held": "hold", "sought": "seek", "brought": "bring", "began": "begin", "begun": "begin",
	"fought": "fight", "spoke": "speak", "spoken": "speak", "struck": "strike", "drove": "drive",
	"driven": "drive", "ran": "run", "caught": "catch", "left": "leave", "won": "win", "lost": "lose",
	"built": "build", "sent": "send", "kept": "keep", "gave": "give", "given": "give", "rose": "rise",
	"risen": "rise", "fell": "fall", "fallen": "fall", "wrote": "write", "written": "write",
	"chose": "choose", "chosen": "choose", "hid": "hide", "hidden": "hide", "shot": "shoot",
	"stole": "steal", "stolen": "steal", "froze": "freez", "dead": "die", "death": "die", "deaths": "die",
	"children": "child", "men": "man", "women": "woman", "people": "peopl",
}

// paraphrase maps stems of words news writers use interchangeably to one key. The
// classes are small on purpose: a wrong merge costs precision everywhere.
var paraphrase = map[string]string{
	// killing and death
	"kill": "die", "slain": "die", "fatal": "die", "toll": "die",
	// captivity
	"kidnap": "hostag", "abduct": "hostag", "abducte": "hostag", "captiv": "hostag", "captor": "hostag",
	// truces
	"truce": "paus", "halt": "paus", "lull": "paus",
	// aid
	"assist": "aid",
	// movement of people
	"displac": "reloc", "resettl": "reloc", "expel": "reloc", "expuls": "reloc",
	// talks
	"talk": "discuss", "negoti": "discuss",
	// military action
	"offens": "assault", "onslaught": "assault", "incurs": "assault",
	// beginnings of wars
	"outbreak": "erupt",
	// cutting back
	"curtail": "reduc", "reduct": "reduc", "lessen": "reduc",
	// averting
	"avert": "prevent", "stave": "prevent",
	// widening conflicts
	"escal": "spread", "widen": "spread", "metastas": "spread",
	// promises
	"pledg": "promis", "vow": "promis",
}

// stopwords are English function words and reporting words that say nothing about
// which fact a sentence reports.
var stopwords = toSet(`a about above after again against all almost along already also although always am among an and another any
are around as at away back be became because become been before being below between both but by can cannot could
did do does doing done down during each either else enough even ever every few for from further get gets getting
got had has have having he her here hers herself him himself his how however i if in into is it its itself just
last least less like likely made make many may me might more most much must my myself near nearly neither never
new no nor not now of off often on once one only onto or other others otherwise our ours ourselves out over own
per perhaps put rather really same says said say saying see seem seemed several shall she should since so some
still such than that the their theirs them themselves then there these they this those though through thus to
told tell telling too toward towards under until up upon us very via was we well were what whatever when where
whether which while who whom whose why will with within without would yet you your yours yourself mr mrs ms dr
s t ll re ve d m according
president prime minister secretary chancellor premier king queen prince crown general gen lt col sgt
senator sen rep gov governor mayor spokesman spokeswoman spokesperson adviser advisor chief director deputy
ambassador envoy lawmaker added adding asked also week weeks day days year years time times told including
thing things way ways lot lots part going want wanted`)

func toSet(words string) map[string]bool {
	m := map[string]bool{}
	w := ""
	for _, r := range words + " " {
		if r == ' ' || r == '\n' || r == '\t' {
			if w != "" {
				m[w] = true
			}
			w = ""
			continue
		}
		w += string(r)
	}
	return m
}
