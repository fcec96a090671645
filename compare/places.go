package compare

// placeOf maps demonyms, capitals and major cities (lower case, one word) to the key
// of their country, so "Qatari officials in Doha" and "in Qatar" share a feature.
// The word itself is kept as well: "Tel Aviv" and "Israel" are related, not equal.
var placeOf = map[string]string{
	"american": "usa", "americans": "usa", "washington": "usa",
	"israeli": "israel", "israelis": "israel", "jerusalem": "israel",
	"palestinians": "palestinian",
	"turkish":      "turkey", "turk": "turkey", "turks": "turkey", "ankara": "turkey", "istanbul": "turkey", "türkiye": "turkey",
	"qatari": "qatar", "qataris": "qatar", "doha": "qatar",
	"jordanian": "jordan", "jordanians": "jordan", "amman": "jordan",
	"saudi": "saudiarabia", "saudis": "saudiarabia", "riyadh": "saudiarabia", "jeddah": "saudiarabia",
	"emirati": "uae", "emiratis": "uae", "dubai": "uae",
	"egyptian": "egypt", "egyptians": "egypt", "cairo": "egypt",
	"lebanese": "lebanon", "beirut": "lebanon",
	"syrian": "syria", "syrians": "syria", "damascus": "syria",
	"iranian": "iran", "iranians": "iran", "tehran": "iran",
	"iraqi": "iraq", "iraqis": "iraq", "baghdad": "iraq",
	"yemeni": "yemen", "yemenis": "yemen", "sanaa": "yemen",
	"greek": "greece", "greeks": "greece", "athens": "greece",
	"russian": "russia", "russians": "russia", "moscow": "russia", "kremlin": "russia",
	"ukrainian": "ukraine", "ukrainians": "ukraine", "kyiv": "ukraine", "kiev": "ukraine",
	"chinese": "china", "beijing": "china",
	"british": "uk", "britain": "uk", "london": "uk",
	"french": "france", "paris": "france",
	"german": "germany", "germans": "germany", "berlin": "germany",
	"italian": "italy", "rome": "italy",
	"spanish": "spain", "madrid": "spain",
	"polish": "poland", "warsaw": "poland",
	"dutch": "netherlands", "amsterdam": "netherlands",
	"indian": "india", "delhi": "india",
	"pakistani": "pakistan", "islamabad": "pakistan",
	"afghan": "afghanistan", "kabul": "afghanistan",
	"japanese": "japan", "tokyo": "japan",
	"korean": "korea", "seoul": "korea", "pyongyang": "korea",
	"canadian": "canada", "ottawa": "canada",
	"mexican":    "mexico",
	"brazilian":  "brazil",
	"australian": "australia", "canberra": "australia",
	"libyan": "libya", "tripoli": "libya",
	"sudanese": "sudan", "khartoum": "sudan",
	"omani": "oman", "muscat": "oman",
	"bahraini": "bahrain", "manama": "bahrain",
	"kuwaiti":  "kuwait",
	"moroccan": "morocco", "rabat": "morocco",
	"tunisian": "tunisia", "tunis": "tunisia",
	"algerian": "algeria", "algiers": "algeria",
	"cypriot": "cyprus", "nicosia": "cyprus",
	"european": "eu", "brussels": "eu",
}

// placePairs maps two-word place names to their country key.
var placePairs = map[string]string{
	"saudi arabia": "saudiarabia", "abu dhabi": "uae", "tel aviv": "israel",
	"united arab emirates": "uae", "new york": "usa", "white house": "usa",
	"south korea": "korea", "north korea": "korea", "new delhi": "india",
}
