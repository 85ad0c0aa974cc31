/**
 * ISO code conversions the HTCDS exchange needs. HTCDS writes countries as ISO 3166-1 codes
 * (alpha-2 for the mailing country, alpha-2 or alpha-3 elsewhere) and languages as ISO 639-2
 * (two-letter ISO 639-1 codes allowed); Senim stores countries as alpha-3 and languages as
 * three-letter codes (ISO 639-2/T, the same as ISO 639-3 for individual languages).
 */

/** ISO 3166-1: every officially assigned alpha-2 code and its alpha-3 code, plus XK/XKX (Kosovo, user-assigned but in common use). */
const COUNTRIES = `AD AND AE ARE AF AFG AG ATG AI AIA AL ALB AM ARM AO AGO AQ ATA AR ARG AS ASM AT AUT AU AUS AW ABW
AX ALA AZ AZE BA BIH BB BRB BD BGD BE BEL BF BFA BG BGR BH BHR BI BDI BJ BEN BL BLM BM BMU BN BRN BO BOL BQ BES
BR BRA BS BHS BT BTN BV BVT BW BWA BY BLR BZ BLZ CA CAN CC CCK CD COD CF CAF CG COG CH CHE CI CIV CK COK CL CHL
CM CMR CN CHN CO COL CR CRI CU CUB CV CPV CW CUW CX CXR CY CYP CZ CZE DE DEU DJ DJI DK DNK DM DMA DO DOM DZ DZA
EC ECU EE EST EG EGY EH ESH ER ERI ES ESP ET ETH FI FIN FJ FJI FK FLK FM FSM FO FRO FR FRA GA GAB GB GBR GD GRD
GE GEO GF GUF GG GGY GH GHA GI GIB GL GRL GM GMB GN GIN GP GLP GQ GNQ GR GRC GS SGS GT GTM GU GUM GW GNB GY GUY
HK HKG HM HMD HN HND HR HRV HT HTI HU HUN ID IDN IE IRL IL ISR IM IMN IN IND IO IOT IQ IRQ IR IRN IS ISL IT ITA
JE JEY JM JAM JO JOR JP JPN KE KEN KG KGZ KH KHM KI KIR KM COM KN KNA KP PRK KR KOR KW KWT KY CYM KZ KAZ LA LAO
LB LBN LC LCA LI LIE LK LKA LR LBR LS LSO LT LTU LU LUX LV LVA LY LBY MA MAR MC MCO MD MDA ME MNE MF MAF MG MDG
MH MHL MK MKD ML MLI MM MMR MN MNG MO MAC MP MNP MQ MTQ MR MRT MS MSR MT MLT MU MUS MV MDV MW MWI MX MEX MY MYS
MZ MOZ NA NAM NC NCL NE NER NF NFK NG NGA NI NIC NL NLD NO NOR NP NPL NR NRU NU NIU NZ NZL OM OMN PA PAN PE PER
PF PYF PG PNG PH PHL PK PAK PL POL PM SPM PN PCN PR PRI PS PSE PT PRT PW PLW PY PRY QA QAT RE REU RO ROU RS SRB
RU RUS RW RWA SA SAU SB SLB SC SYC SD SDN SE SWE SG SGP SH SHN SI SVN SJ SJM SK SVK SL SLE SM SMR SN SEN SO SOM
SR SUR SS SSD ST STP SV SLV SX SXM SY SYR SZ SWZ TC TCA TD TCD TF ATF TG TGO TH THA TJ TJK TK TKL TL TLS TM TKM
TN TUN TO TON TR TUR TT TTO TV TUV TW TWN TZ TZA UA UKR UG UGA UM UMI US USA UY URY UZ UZB VA VAT VC VCT VE VEN
VG VGB VI VIR VN VNM VU VUT WF WLF WS WSM YE YEM YT MYT ZA ZAF ZM ZMB ZW ZWE XK XKX`;

/** ISO 639-1 → ISO 639-2/T (the terminology code, as ISO 639-3 writes individual languages). */
const LANGUAGES = `aa aar ab abk ae ave af afr ak aka am amh an arg ar ara as asm av ava ay aym az aze ba bak be bel
bg bul bi bis bm bam bn ben bo bod br bre bs bos ca cat ce che ch cha co cos cr cre cs ces cu chu cv chv cy cym
da dan de deu dv div dz dzo ee ewe el ell en eng eo epo es spa et est eu eus fa fas ff ful fi fin fj fij fo fao
fr fra fy fry ga gle gd gla gl glg gn grn gu guj gv glv ha hau he heb hi hin ho hmo hr hrv ht hat hu hun hy hye
hz her ia ina id ind ie ile ig ibo ii iii ik ipk io ido is isl it ita iu iku ja jpn jv jav ka kat kg kon ki kik
kj kua kk kaz kl kal km khm kn kan ko kor kr kau ks kas ku kur kv kom kw cor ky kir la lat lb ltz lg lug li lim
ln lin lo lao lt lit lu lub lv lav mg mlg mh mah mi mri mk mkd ml mal mn mon mr mar ms msa mt mlt my mya na nau
nb nob nd nde ne nep ng ndo nl nld nn nno no nor nr nbl nv nav ny nya oc oci oj oji om orm or ori os oss pa pan
pi pli pl pol ps pus pt por qu que rm roh rn run ro ron ru rus rw kin sa san sc srd sd snd se sme sg sag si sin
sk slk sl slv sm smo sn sna so som sq sqi sr srp ss ssw st sot su sun sv swe sw swa ta tam te tel tg tgk th tha
ti tir tk tuk tl tgl tn tsn to ton tr tur ts tso tt tat tw twi ty tah ug uig uk ukr ur urd uz uzb ve ven vi vie
vo vol wa wln wo wol xh xho yi yid yo yor za zha zh zho zu zul`;

/** ISO 639-2/B (bibliographic) codes that differ from the terminology code Senim stores. */
const LANGUAGE_B_TO_T: Readonly<Record<string, string>> = {
  alb: 'sqi', arm: 'hye', baq: 'eus', bur: 'mya', chi: 'zho', cze: 'ces', dut: 'nld', fre: 'fra', geo: 'kat',
  ger: 'deu', gre: 'ell', ice: 'isl', mac: 'mkd', mao: 'mri', may: 'msa', per: 'fas', rum: 'ron', slo: 'slk',
  tib: 'bod', wel: 'cym',
}; // prettier-ignore

function pairs(text: string): Array<[string, string]> {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const out: Array<[string, string]> = [];
  for (let i = 0; i + 1 < words.length; i += 2) out.push([words[i]!, words[i + 1]!]);
  return out;
}

const COUNTRY_PAIRS = pairs(COUNTRIES);
export const ALPHA3_OF_ALPHA2: ReadonlyMap<string, string> = new Map(COUNTRY_PAIRS);
export const ALPHA2_OF_ALPHA3: ReadonlyMap<string, string> = new Map(
  COUNTRY_PAIRS.map(([a2, a3]) => [a3, a2]),
);
export const LANGUAGE_639_2_OF_639_1: ReadonlyMap<string, string> = new Map(pairs(LANGUAGES));

/** A country code of two or three letters (any case) → alpha-3, or null when it is not an ISO 3166-1 code. */
export function toAlpha3(code: string): string | null {
  const c = code.trim().toUpperCase();
  if (c.length === 2) return ALPHA3_OF_ALPHA2.get(c) ?? null;
  if (c.length === 3) return ALPHA2_OF_ALPHA3.has(c) ? c : null;
  return null;
}

/** An alpha-3 code → alpha-2, or null when it has none. */
export function toAlpha2(alpha3: string): string | null {
  return ALPHA2_OF_ALPHA3.get(alpha3.trim().toUpperCase()) ?? null;
}

/**
 * A language code (ISO 639-1, 639-2/B or /T, 639-3; any case) → the three-letter code Senim stores,
 * or null for a two-letter code that is not ISO 639-1. Three-letter codes are kept (639-2 and 639-3
 * have hundreds more than this table holds), bibliographic codes become terminology codes.
 */
export function toLanguage3(code: string): string | null {
  const c = code.trim().toLowerCase();
  if (/^[a-z]{2}$/.test(c)) return LANGUAGE_639_2_OF_639_1.get(c) ?? null;
  if (/^[a-z]{3}$/.test(c)) return LANGUAGE_B_TO_T[c] ?? c;
  return null;
}
