/* care-demo.c — a realistic synthetic programme
 *
 * Everything here is invented, and meant to look like the real thing to
 * the people who try CARE: names in the scripts their bearers write them
 * in (so that search, sorting and printing meet Cyrillic, Georgian,
 * Armenian, Arabic, Ge'ez, Chinese and Vietnamese from day one), cases at
 * every stage, and the untidiness of real records (years of birth alone,
 * follow-ups overdue, consents refused or withdrawn, notes with commas and
 * quotes). Organisation names are made up so as not to point at any real
 * shelter.
 *
 * The generator draws from one GRand and never iterates a hash table, so a
 * seed always gives the same programme.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "care-demo"

#include "config.h"

#include <string.h>

#include "care-case-store.h"
#include "care-demo.h"
#include "care-eligibility.h"
#include "care-schedule.h"

#define BATCH_SIZE 1000

typedef struct
{
  const char * const *items;
  guint               n;
} Pool;

#define POOL(array) { array, G_N_ELEMENTS (array) }

/* --- the countries people return to --- */

static const char *ng_family[] = { "Osagie", "Okonkwo", "Adeyemi", "Eze", "Igbinedion", "Obaseki", "Ọlátúnjí", "Ehigiator", "Ògúndélé", "Nwosu" };
static const char *ng_women[] = { "Blessing", "Joy", "Precious", "Osas", "Ifeoma", "Chiamaka", "Adébímpé", "Ọmọlará", "Favour", "Gift Ẹ̀dọ́" };
static const char *ng_men[] = { "Osagie", "Chukwuemeka", "Adébáyọ̀", "Efosa", "Ikenna" };
static const char *ng_towns[] = { "Benin City", "Lagos", "Ekpoma", "Uromi", "Abuja" };

static const char *al_family[] = { "Hoxha", "Shehu", "Çela", "Dervishi", "Këlliçi", "Gjoka", "Prençi", "Lleshi", "Bërdufi" };
static const char *al_women[] = { "Elona", "Ardita", "Blerina", "Xhesika", "Mirela", "Drita", "Anjeza", "Ëngjëllushe" };
static const char *al_men[] = { "Arbër", "Dritan", "Ilir", "Gëzim" };
static const char *al_towns[] = { "Tirana", "Shkodër", "Elbasan", "Vlorë", "Korçë" };

static const char *ua_family[] = { "Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Мельник", "Кравчук", "Олійник", "Гончаренко" };
static const char *ua_women[] = { "Олена", "Наталія", "Ірина", "Оксана", "Юлія", "Катерина", "Ганна", "Соломія" };
static const char *ua_men[] = { "Андрій", "Олександр", "Богдан", "Тарас" };
static const char *ua_towns[] = { "Kyiv", "Odesa", "Kharkiv", "Vinnytsia", "Chernivtsi" };

static const char *ru_family_f[] = { "Иванова", "Смирнова", "Кузнецова", "Попова", "Соколова", "Лебедева", "Волкова" };
static const char *ru_family_m[] = { "Иванов", "Смирнов", "Кузнецов", "Попов", "Соколов" };
static const char *ru_women[] = { "Анастасия", "Екатерина", "Мария", "Дарья", "Ольга", "Алёна", "Ксения" };
static const char *ru_men[] = { "Дмитрий", "Сергей", "Алексей" };
static const char *ru_towns[] = { "Nizhny Novgorod", "Rostov-on-Don", "Kazan", "Samara" };

static const char *md_family[] = { "Ciobanu", "Rusu", "Munteanu", "Țurcanu", "Bălan", "Cebotari", "Popescu", "Ceban", "Lungu" };
static const char *md_women[] = { "Ana", "Mariana", "Doina", "Lilia", "Cristina", "Ecaterina", "Nicoleta", "Tatiana" };
static const char *md_men[] = { "Ștefan", "Ion", "Vasile", "Mihai" };
static const char *md_towns[] = { "Chișinău", "Bălți", "Cahul", "Orhei", "Ungheni" };

static const char *ma_family[] = { "العلوي", "بنعلي", "الإدريسي", "التازي", "الفاسي", "بنكيران", "الصديقي", "المرابط" };
static const char *ma_women[] = { "فاطمة الزهراء", "خديجة", "مريم", "سناء", "إيمان", "نادية", "حنان" };
static const char *ma_men[] = { "سعيد", "يوسف", "حمزة", "عبد الله" };
static const char *ma_towns[] = { "Casablanca", "Fès", "Béni Mellal", "Khouribga", "Tanger" };

static const char *sy_family[] = { "الأحمد", "الحسن", "الخطيب", "الشامي", "حداد", "العلي", "المصري" };
static const char *sy_women[] = { "رنا", "لمى", "هبة", "ريم", "نور", "سلمى" };
static const char *sy_men[] = { "عمر", "أحمد", "محمد", "خالد" };
static const char *sy_towns[] = { "Latakia", "Tartus", "Damascus" };

static const char *vn_family[] = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi" };
static const char *vn_women[] = { "Thị Hương", "Thị Lan", "Minh Anh", "Thu Trang", "Ngọc Ánh", "Thị Hằng", "Thùy Dương" };
static const char *vn_men[] = { "Văn Đức", "Quốc Bảo", "Minh Tuấn", "Văn Hùng" };
static const char *vn_towns[] = { "Nghệ An", "Hà Tĩnh", "Hải Phòng", "Quảng Bình", "Hà Nội" };

static const char *ge_family[] = { "ბერიძე", "კაპანაძე", "გელაშვილი", "მაისურაძე", "ლომიძე", "ჯაფარიძე", "ხუციშვილი" };
static const char *ge_women[] = { "ნინო", "მარიამ", "თამარ", "ანა", "ეკატერინე", "ნათია", "სალომე" };
static const char *ge_men[] = { "გიორგი", "ლევან", "დავით" };
static const char *ge_towns[] = { "Tbilisi", "Kutaisi", "Batumi", "Rustavi" };

static const char *am_family[] = { "Հովհաննիսյան", "Սարգսյան", "Խաչատրյան", "Գրիգորյան", "Պետրոսյան", "Հարությունյան" };
static const char *am_women[] = { "Անի", "Մարիամ", "Լիլիթ", "Նարե", "Գայանե", "Սյուզաննա" };
static const char *am_men[] = { "Արամ", "Դավիթ", "Տիգրան" };
static const char *am_towns[] = { "Yerevan", "Gyumri", "Vanadzor" };

static const char *cm_family[] = { "Mbarga", "Fotso", "Ngo Nyemb", "Tchoumi", "Ebongué", "Nkoulou", "Abéga", "Kamdem" };
static const char *cm_women[] = { "Aïcha", "Béatrice", "Joëlle", "Rosine", "Clémentine", "Maïmouna", "Hortense" };
static const char *cm_men[] = { "Hervé", "Désiré", "Ibrahim", "Aimé" };
static const char *cm_towns[] = { "Douala", "Yaoundé", "Bafoussam", "Bamenda" };

static const char *br_family[] = { "Souza", "Conceição", "Gonçalves", "Araújo", "Simões", "Magalhães", "Brandão", "Ribeiro" };
static const char *br_women[] = { "Luíza", "Joana", "Letícia", "Ângela", "Márcia", "Thaís", "Conceição", "Lúcia" };
static const char *br_men[] = { "Fábio", "João", "Sebastião" };
static const char *br_towns[] = { "Goiânia", "Belém", "São Paulo", "Recife", "Anápolis" };

static const char *sn_family[] = { "Diop", "Ndiaye", "Fall", "Sène", "Guèye", "Ba", "Mbaye", "Diallo", "Faye" };
static const char *sn_women[] = { "Aïssatou", "Fatou", "Khady", "Ndèye Fatou", "Awa", "Marième", "Coumba" };
static const char *sn_men[] = { "Mamadou", "Cheikh", "Babacar", "Ousmane" };
static const char *sn_towns[] = { "Dakar", "Thiès", "Saint-Louis", "Kaolack" };

static const char *er_family[] = { "ተስፋይ", "ገብረመድህን", "ሃብተማርያም", "ኪዳነ", "ወልደሚካኤል", "ግርማይ" };
static const char *er_women[] = { "ሰላም", "ሉዋም", "ሳባ", "ፍዮሪ", "ሄለን", "ኤልሳ" };
static const char *er_men[] = { "ዮናስ", "ዳዊት", "ሚካኤል" };
static const char *er_towns[] = { "Asmara", "Keren", "Mendefera" };

static const char *cn_family[] = { "王", "李", "张", "刘", "陈", "林" };
static const char *cn_women[] = { "芳", "丽", "静", "敏", "秀英", "桂英", "美玲" };
static const char *cn_men[] = { "伟", "强", "建华" };
static const char *cn_towns[] = { "Fuzhou", "Wenzhou", "Shenyang" };

typedef struct
{
  const char *code;
  guint       weight;
  const char *plan_language;
  const char *phone_prefix;
  const char *languages;
  Pool        family_f;
  Pool        family_m;
  Pool        women;
  Pool        men;
  Pool        towns;
} ReturnCountry;

static const ReturnCountry return_countries[] = {
  { "NG", 16, "en", "+234 80", "English, Edo, Nigerian Pidgin", POOL (ng_family), POOL (ng_family), POOL (ng_women), POOL (ng_men), POOL (ng_towns) },
  { "AL", 12, "en", "+355 69", "Albanian, some Italian", POOL (al_family), POOL (al_family), POOL (al_women), POOL (al_men), POOL (al_towns) },
  { "VN",  9, "en", "+84 9", "Vietnamese", POOL (vn_family), POOL (vn_family), POOL (vn_women), POOL (vn_men), POOL (vn_towns) },
  { "UA",  8, "en", "+380 67", "Ukrainian, Russian", POOL (ua_family), POOL (ua_family), POOL (ua_women), POOL (ua_men), POOL (ua_towns) },
  { "MD",  8, "fr", "+373 69", "Romanian, Russian", POOL (md_family), POOL (md_family), POOL (md_women), POOL (md_men), POOL (md_towns) },
  { "MA",  7, "fr", "+212 6", "Arabic, French", POOL (ma_family), POOL (ma_family), POOL (ma_women), POOL (ma_men), POOL (ma_towns) },
  { "CM",  6, "fr", "+237 6", "French, English", POOL (cm_family), POOL (cm_family), POOL (cm_women), POOL (cm_men), POOL (cm_towns) },
  { "BR",  6, "en", "+55 62 9", "Portuguese, some Spanish", POOL (br_family), POOL (br_family), POOL (br_women), POOL (br_men), POOL (br_towns) },
  { "GE",  5, "en", "+995 5", "Georgian, Russian", POOL (ge_family), POOL (ge_family), POOL (ge_women), POOL (ge_men), POOL (ge_towns) },
  { "SN",  5, "fr", "+221 77", "Wolof, French", POOL (sn_family), POOL (sn_family), POOL (sn_women), POOL (sn_men), POOL (sn_towns) },
  { "RU",  4, "en", "+7 9", "Russian", POOL (ru_family_f), POOL (ru_family_m), POOL (ru_women), POOL (ru_men), POOL (ru_towns) },
  { "AM",  4, "en", "+374 9", "Armenian, Russian", POOL (am_family), POOL (am_family), POOL (am_women), POOL (am_men), POOL (am_towns) },
  { "ER",  4, "en", "+291 7", "Tigrinya, some Arabic", POOL (er_family), POOL (er_family), POOL (er_women), POOL (er_men), POOL (er_towns) },
  { "CN",  4, "en", "+86 13", "Mandarin, Fuzhounese", POOL (cn_family), POOL (cn_family), POOL (cn_women), POOL (cn_men), POOL (cn_towns) },
  { "SY",  2, "en", "+963 9", "Arabic", POOL (sy_family), POOL (sy_family), POOL (sy_women), POOL (sy_men), POOL (sy_towns) },
};

/* --- the countries people are referred from --- */

static const char *fr_orgs[] = { "Association Accueil et Dignité (Paris)", "Les Amies du Foyer (Lyon)", "Route Claire (Marseille)" };
static const char *fr_staff[] = { "Claire Martin", "Sophie Lefèvre", "Hélène Dubois", "Chloé Moreau" };
static const char *it_orgs[] = { "Associazione Piccoli Passi (Torino)", "Cooperativa Nuova Strada (Palermo)", "Casa Aurora (Napoli)" };
static const char *it_staff[] = { "Giulia Rossi", "Francesca Bianchi", "Niccolò Ferrari" };
static const char *es_orgs[] = { "Fundación Nueva Aurora (Madrid)", "Asociación Mujeres en Camino (Barcelona)", "Red de Acogida Andaluza (Sevilla)" };
static const char *es_staff[] = { "Lucía García", "Marta Núñez", "Begoña Ibáñez" };
static const char *gb_orgs[] = { "Safe Passage Trust (London)", "Northern Haven (Manchester)" };
static const char *gb_staff[] = { "Emma Clarke", "Rachel O’Brien" };
static const char *gr_orgs[] = { "Σύλλογος Αλληλεγγύης (Αθήνα)", "Στέγη Ελπίδας (Θεσσαλονίκη)" };
static const char *gr_staff[] = { "Ελένη Παπαδοπούλου", "Μαρία Γεωργίου" };
static const char *at_orgs[] = { "Verein Neuanfang (Wien)", "Frauenhaus Lichtblick (Graz)" };
static const char *at_staff[] = { "Katharina Gruber", "Jürgen Höller" };
static const char *pl_orgs[] = { "Fundacja Nowy Dom (Warszawa)", "Stowarzyszenie Bezpieczna Droga (Kraków)" };
static const char *pl_staff[] = { "Agnieszka Wójcik", "Małgorzata Kowalczyk" };
static const char *pt_orgs[] = { "Associação Caminho de Casa (Lisboa)", "Casa Abrigo Esperança (Porto)" };
static const char *pt_staff[] = { "Inês Carvalho", "João Simões" };
static const char *de_orgs[] = { "Beratungsstelle Heimweg (Berlin)" };
static const char *be_orgs[] = { "Maison Ouverte (Bruxelles)" };
static const char *nl_orgs[] = { "Stichting Thuisreis (Rotterdam)" };
static const char *other_staff[] = { "Claire Martin", "Sophie Lefèvre" };

typedef struct
{
  const char *code;
  guint       weight;
  Pool        organisations;
  Pool        staff;
} HostCountry;

static const HostCountry host_countries[] = {
  { "FR", 30, POOL (fr_orgs), POOL (fr_staff) },
  { "IT", 22, POOL (it_orgs), POOL (it_staff) },
  { "ES", 14, POOL (es_orgs), POOL (es_staff) },
  { "GB", 12, POOL (gb_orgs), POOL (gb_staff) },
  { "GR",  8, POOL (gr_orgs), POOL (gr_staff) },
  { "AT",  6, POOL (at_orgs), POOL (at_staff) },
  { "PL",  4, POOL (pl_orgs), POOL (pl_staff) },
  { "PT",  4, POOL (pt_orgs), POOL (pt_staff) },
};

/* Referrals from outside the programme's host countries: ineligible, kept
 * and flagged, as the programme does with real ones. */
static const HostCountry outside_hosts[] = {
  { "DE", 1, POOL (de_orgs), POOL (other_staff) },
  { "BE", 1, POOL (be_orgs), POOL (other_staff) },
  { "NL", 1, POOL (nl_orgs), POOL (other_staff) },
};

/* --- plans --- */

static const char *income_generating[] = { "Start-up kit for a tailoring business", "Grant to open a grocery stall", "Equipment for a hairdressing salon", "Poultry farming start-up", "Stock for a market stall selling fabrics" };
static const char *vocational_training[] = { "Six-month course in catering", "Training as a seamstress", "Computer skills course", "Training in hairdressing and beauty care" };
static const char *job_placement[] = { "Placement with a local employer", "Apprenticeship in a bakery", "Supported job search with the return office" };
static const char *education[] = { "School fees and supplies for the year", "Evening classes to finish secondary school" };
static const char *temporary_accommodation[] = { "Rent for the first three months", "Room in a transit shelter" };
static const char *medical_care[] = { "Medical check-up and treatment", "Follow-up of a chronic condition", "Prenatal care and delivery" };
static const char *legal_assistance[] = { "Lawyer for the proceedings as a witness", "Legal advice on the custody of the child" };
static const char *family_mediation[] = { "Mediation sessions with the family", "Preparing the family for the return" };
static const char *documentation[] = { "New identity card and birth certificate", "Birth registration of the child" };
static const char *childcare[] = { "Day care for the child during the training", "Childminder while at work" };
static const char *individual_psychosocial[] = { "Individual counselling sessions", "Trauma-focused therapy, twelve sessions" };
static const char *family_psychosocial[] = { "Family counselling sessions" };
static const char *community_activities[] = { "Women’s peer support group", "Community arts workshop", "Sports club membership" };
static const char *other_measures[] = { "Mobile phone and credit to keep in touch", "Winter clothes" };

static const Pool measure_descriptions[CARE_MEASURE_CATEGORY_COUNT] = {
  [CARE_MEASURE_INCOME_GENERATING] = POOL (income_generating),
  [CARE_MEASURE_VOCATIONAL_TRAINING] = POOL (vocational_training),
  [CARE_MEASURE_JOB_PLACEMENT] = POOL (job_placement),
  [CARE_MEASURE_EDUCATION] = POOL (education),
  [CARE_MEASURE_TEMPORARY_ACCOMMODATION] = POOL (temporary_accommodation),
  [CARE_MEASURE_MEDICAL_CARE] = POOL (medical_care),
  [CARE_MEASURE_LEGAL_ASSISTANCE] = POOL (legal_assistance),
  [CARE_MEASURE_FAMILY_MEDIATION] = POOL (family_mediation),
  [CARE_MEASURE_DOCUMENTATION] = POOL (documentation),
  [CARE_MEASURE_CHILDCARE] = POOL (childcare),
  [CARE_MEASURE_INDIVIDUAL_PSYCHOSOCIAL] = POOL (individual_psychosocial),
  [CARE_MEASURE_FAMILY_PSYCHOSOCIAL] = POOL (family_psychosocial),
  [CARE_MEASURE_COMMUNITY_ACTIVITIES] = POOL (community_activities),
  [CARE_MEASURE_OTHER] = POOL (other_measures),
};

static const CareMeasureCategory economic_categories[] = { CARE_MEASURE_INCOME_GENERATING, CARE_MEASURE_VOCATIONAL_TRAINING, CARE_MEASURE_JOB_PLACEMENT, CARE_MEASURE_EDUCATION };
static const CareMeasureCategory social_categories[] = { CARE_MEASURE_TEMPORARY_ACCOMMODATION, CARE_MEASURE_MEDICAL_CARE, CARE_MEASURE_LEGAL_ASSISTANCE, CARE_MEASURE_FAMILY_MEDIATION, CARE_MEASURE_DOCUMENTATION, CARE_MEASURE_CHILDCARE };
static const CareMeasureCategory psychosocial_categories[] = { CARE_MEASURE_INDIVIDUAL_PSYCHOSOCIAL, CARE_MEASURE_FAMILY_PSYCHOSOCIAL, CARE_MEASURE_COMMUNITY_ACTIVITIES };

/* Service providers of each country of return, by the group of measures
 * they carry out; "%s" is a town. */
static const char *provider_formats[CARE_MEASURE_GROUP_COUNT][2] = {
  [CARE_MEASURE_GROUP_ECONOMIC] = { "Vocational Training Centre, %s", "Microfinance Cooperative, %s" },
  [CARE_MEASURE_GROUP_SOCIAL] = { "Women’s Health Clinic, %s", "Legal Aid Bureau, %s" },
  [CARE_MEASURE_GROUP_PSYCHOSOCIAL] = { "Counselling Centre, %s", "Peer Support Network, %s" },
  [CARE_MEASURE_GROUP_OTHER] = { "Return and Reintegration Office, %s", "Return and Reintegration Office, %s" },
};

static const char *objectives[] = {
  "Earn a living from a small business within a year and live independently.",
  "Finish a vocational training, find work, and rebuild ties with the family.",
  "Recover health and confidence; go back to school; live safely with the child.",
  "Secure housing and a regular income; keep away from the people who recruited her.",
};

/* --- the assessment --- */

static const char *education_levels[] = { "Primary school", "Some secondary school", "Secondary school completed", "Vocational diploma", "University, not completed", "None" };
static const char *work_experience[] = { "Domestic work", "Sales in a market", "Agriculture", "Restaurant kitchen", "Hairdressing", "Factory work", "None before departure" };
static const char *vocational_skills[] = { "Sewing", "Cooking", "Hairdressing", "Basic computing", "Driving licence", "Bookkeeping" };
static const char *aspirations[] = { "Open her own shop", "Become a nurse", "Go back to school", "Work in a hotel", "Raise her child near her mother" };
static const char *preferred_options[] = { "Income-generating activity", "Vocational training", "Job placement", "Education" };
static const char *mitigations[] = {
  "Destination away from the recruiters’ area; phone number changed before departure.",
  "Family involved in the trafficking: accommodation arranged with an aunt in another town.",
  "Debt to the network: legal advice and a safety plan with the return office.",
  "Counselling started before departure; escort at arrival.",
};
static const char *notes_texts[] = {
  "Prefers to be called in the afternoon.",
  "Needs an interpreter; understands \"a little\" French, no English.",
  "Has a daughter, 4, who returns with her.\nThe father has no contact.",
  "Witness in the proceedings in the host country; hearing dates to check, with the lawyer.",
  "Lost her passport; travel document requested from the consulate.",
};
static const char *followup_notes[] = {
  "Doing well; business opened last month.",
  "Training going on; attends regularly.",
  "Feels isolated; counselling sessions increased.",
  "Contact by phone only; says she is safe.",
  "Family relations improving after mediation.",
};

/* --- drawing --- */

typedef struct
{
  CareVault          *vault;
  const CareSettings *settings;
  GDate               today;
  GRand              *rand;
  GHashTable         *partner_ids;       /* name → gint64 *, looked up, never iterated */
  GPtrArray          *hosts;             /* const HostCountry *, the programme's */
  guint               host_weight_total;
  guint               return_weight_total;
} Demo;

static guint
draw (Demo *demo,
      guint n)
{
  return (guint) g_rand_int_range (demo->rand, 0, (gint32) n);
}

static gboolean
chance (Demo  *demo,
        double p)
{
  return g_rand_double (demo->rand) < p;
}

static const char *
pick (Demo       *demo,
      const Pool *pool)
{
  return pool->items[draw (demo, pool->n)];
}

static int
draw_between (Demo *demo,
              int   low,
              int   high)
{
  return g_rand_int_range (demo->rand, low, high + 1);
}

static void
date_plus (const GDate *from,
           int          days,
           GDate       *out)
{
  *out = *from;
  if (days >= 0)
    g_date_add_days (out, (guint) days);
  else
    g_date_subtract_days (out, (guint) -days);
}

static void
date_between (Demo        *demo,
              const GDate *first,
              const GDate *last,
              GDate       *out)
{
  int span = (int) g_date_days_between (first, last);

  date_plus (first, span > 0 ? draw_between (demo, 0, span) : 0, out);
}

static gboolean
after_today (Demo        *demo,
             const GDate *date)
{
  return g_date_compare (date, &demo->today) > 0;
}

static void
clamp_to_today (Demo  *demo,
                GDate *date)
{
  if (after_today (demo, date))
    *date = demo->today;
}

static const ReturnCountry *
draw_return_country (Demo *demo)
{
  guint n = draw (demo, demo->return_weight_total);

  for (guint i = 0; i < G_N_ELEMENTS (return_countries); i++)
    {
      if (n < return_countries[i].weight)
        return &return_countries[i];
      n -= return_countries[i].weight;
    }
  return &return_countries[0];
}

static const HostCountry *
draw_host_country (Demo *demo)
{
  guint n = draw (demo, demo->host_weight_total);

  for (guint i = 0; i < demo->hosts->len; i++)
    {
      const HostCountry *host = g_ptr_array_index (demo->hosts, i);

      if (n < host->weight)
        return host;
      n -= host->weight;
    }
  return g_ptr_array_index (demo->hosts, 0);
}

static gint64
cents_between (Demo *demo,
               int   low_euros,
               int   high_euros)
{
  /* Budgets are round: nobody plans 1,234.56 EUR of training. */
  return (gint64) draw_between (demo, low_euros / 10, high_euros / 10) * 1000;
}

/* --- partners --- */

static gboolean
ensure_partner (Demo            *demo,
                CarePartnerKind  kind,
                const char      *name,
                const char      *country,
                GError         **error)
{
  g_autoptr(CarePartner) partner = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 *id;

  if (g_hash_table_contains (demo->partner_ids, name))
    return TRUE;

  partner = care_partner_store_find_by_name (demo->vault, name, &local_error);
  if (partner == NULL)
    {
      if (local_error != NULL &&
          !g_error_matches (local_error, CARE_VAULT_ERROR, CARE_VAULT_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      partner = care_partner_new (kind, name);
      partner->country = g_strdup (country);
      if (!care_partner_store_save (demo->vault, partner, error))
        return FALSE;
    }
  id = g_new (gint64, 1);
  *id = partner->id;
  g_hash_table_insert (demo->partner_ids, g_strdup (name), id);
  return TRUE;
}

static gint64
partner_id (Demo       *demo,
            const char *name)
{
  gint64 *id = g_hash_table_lookup (demo->partner_ids, name);

  return id != NULL ? *id : 0;
}

static char *
provider_name (const ReturnCountry *country,
               CareMeasureGroup     group,
               guint                variant)
{
  /* The format is one of ours, with a single %s. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return g_strdup_printf (provider_formats[group][variant % 2], country->towns.items[0]);
#pragma GCC diagnostic pop
}

static gboolean
ensure_partners (Demo    *demo,
                 GError **error)
{
  for (guint i = 0; i < demo->hosts->len; i++)
    {
      const HostCountry *host = g_ptr_array_index (demo->hosts, i);

      for (guint j = 0; j < host->organisations.n; j++)
        if (!ensure_partner (demo, CARE_PARTNER_REFERRING_ASSOCIATION,
                             host->organisations.items[j], host->code, error))
          return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (outside_hosts); i++)
    if (!ensure_partner (demo, CARE_PARTNER_REFERRING_ASSOCIATION,
                         outside_hosts[i].organisations.items[0], outside_hosts[i].code, error))
      return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (return_countries); i++)
    {
      const ReturnCountry *country = &return_countries[i];

      for (guint group = 0; group < CARE_MEASURE_GROUP_COUNT; group++)
        for (guint variant = 0; variant < 2; variant++)
          {
            g_autofree char *name = provider_name (country, group, variant);
            CarePartnerKind kind = group == CARE_MEASURE_GROUP_OTHER ?
                                   CARE_PARTNER_RETURN_OFFICE : CARE_PARTNER_SERVICE_PROVIDER;

            if (!ensure_partner (demo, kind, name, country->code, error))
              return FALSE;
          }
    }
  return TRUE;
}

/* --- one case --- */

typedef struct
{
  const ReturnCountry *country;
  const HostCountry   *host;
  gboolean             eligible_host;
  gboolean             minor;
  CareCaseStatus       stage;
  char                *office;           /* return office's name */
} Draft;

static CareMeasure *
make_measure (Demo                *demo,
              const Draft         *draft,
              CareMeasureCategory  category,
              const GDate         *start_near)
{
  CareMeasureGroup group = care_measure_category_get_group (category);
  CareMeasure *m = care_measure_new (category, pick (demo, &measure_descriptions[category]));
  g_autofree char *provider = provider_name (draft->country, group, draw (demo, 2));

  m->provider_id = partner_id (demo, provider);
  m->provider = g_steal_pointer (&provider);
  date_plus (start_near, draw_between (demo, 0, 45), &m->planned_start);
  date_plus (&m->planned_start, draw_between (demo, 30, 240), &m->planned_end);
  switch (group)
    {
    case CARE_MEASURE_GROUP_ECONOMIC:
      m->budget_cents = cents_between (demo, 300, 2500);
      break;
    case CARE_MEASURE_GROUP_SOCIAL:
      m->budget_cents = cents_between (demo, 100, 1200);
      break;
    case CARE_MEASURE_GROUP_PSYCHOSOCIAL:
      m->budget_cents = cents_between (demo, 100, 800);
      break;
    case CARE_MEASURE_GROUP_OTHER:
    default:
      m->budget_cents = cents_between (demo, 20, 150);
      break;
    }
  g_free (m->currency);
  m->currency = g_strdup (demo->settings->currency);
  m->status = CARE_MEASURE_PLANNED;
  return m;
}

/* 3 to 8 measures, at least one of each of the handbook's three groups. */
static void
fill_version (Demo            *demo,
              const Draft     *draft,
              CarePlanVersion *version,
              const GDate     *start_near)
{
  guint n = (guint) draw_between (demo, 3, 8);

  version->objectives = g_strdup (objectives[draw (demo, G_N_ELEMENTS (objectives))]);
  version->language = g_strdup (draft->country->plan_language);
  for (guint i = 0; i < n; i++)
    {
      CareMeasureCategory category;

      if (i == 0)
        category = economic_categories[draw (demo, G_N_ELEMENTS (economic_categories))];
      else if (i == 1)
        category = social_categories[draw (demo, G_N_ELEMENTS (social_categories))];
      else if (i == 2)
        category = psychosocial_categories[draw (demo, G_N_ELEMENTS (psychosocial_categories))];
      else
        category = (CareMeasureCategory) draw (demo, CARE_MEASURE_CATEGORY_COUNT);
      g_ptr_array_add (version->measures, make_measure (demo, draft, category, start_near));
    }
}

static void
draw_stage (Demo  *demo,
            Draft *draft)
{
  double r = g_rand_double (demo->rand);

  if (r < 0.08)
    draft->stage = CARE_CASE_REFERRED;
  else if (r < 0.16)
    draft->stage = CARE_CASE_ASSESSED;
  else if (r < 0.26)
    draft->stage = CARE_CASE_PLAN_AGREED;
  else if (r < 0.38)
    draft->stage = CARE_CASE_RETURNED;
  else if (r < 0.75)
    draft->stage = CARE_CASE_IN_FOLLOW_UP;
  else
    draft->stage = CARE_CASE_CLOSED;
}

static void
fill_person (Demo     *demo,
             Draft    *draft,
             CareCase *c)
{
  CarePerson *p = c->person;
  const ReturnCountry *country = draft->country;
  double r = g_rand_double (demo->rand);
  const GDate *return_date = &c->planned_return_date;
  GDate born;
  int age;

  p->sex = r < 0.84 ? CARE_SEX_FEMALE : r < 0.99 ? CARE_SEX_MALE : CARE_SEX_X;
  if (p->sex == CARE_SEX_MALE)
    {
      p->family_name = g_strdup (pick (demo, &country->family_m));
      p->given_names = g_strdup (pick (demo, &country->men));
    }
  else
    {
      p->family_name = g_strdup (pick (demo, &country->family_f));
      p->given_names = g_strdup (pick (demo, &country->women));
      /* Two given names now and then, as in real files. */
      if (chance (demo, 0.15))
        {
          const char *second = pick (demo, &country->women);

          /* "Joana Joana" is nobody's name. */
          if (g_strcmp0 (second, p->given_names) != 0)
            {
              char *two = g_strconcat (p->given_names, " ", second, NULL);

              g_free (p->given_names);
              p->given_names = two;
            }
        }
    }

  age = draft->minor ? draw_between (demo, 14, 17) : draw_between (demo, 18, 45);
  born = *return_date;
  g_date_subtract_years (&born, (guint) age);
  g_date_subtract_days (&born, (guint) draw_between (demo, 1, 360));
  /* Only the year is known for some adults; never for those near 18,
   * where a year alone would make them minors (taken as born on 31
   * December). */
  if (age >= 21 && chance (demo, 0.1))
    care_birth_date_set_year (&p->date_of_birth, g_date_get_year (&born));
  else
    care_birth_date_set_date (&p->date_of_birth, &born);

  p->nationality = g_strdup (country->code);
  if (chance (demo, 0.8))
    p->phone = g_strdup_printf ("%s %03u %04u", country->phone_prefix,
                                draw (demo, 1000), draw (demo, 10000));
}

static void
fill_assessment (Demo           *demo,
                 Draft          *draft,
                 CareCase       *c,
                 const GDate    *assessed_on)
{
  CareRiskAssessment *risk = c->risk;
  CareArrivalNeeds *needs = c->arrival_needs;
  CareSkills *skills = c->skills;
  double r = g_rand_double (demo->rand);
  static const double factor_odds[] = { 0.35, 0.2, 0.45, 0.4, 0.25, 0.15, 0.1, 0.2, 0.05 };

  risk->level = r < 0.3 ? CARE_RISK_LOW : r < 0.75 ? CARE_RISK_MEDIUM : CARE_RISK_HIGH;
  for (guint i = 0; i < G_N_ELEMENTS (factor_odds); i++)
    if (chance (demo, factor_odds[i]))
      risk->factors |= (CareRiskFactor) (1 << i);
  if (risk->factors & CARE_RISK_FACTOR_OTHER)
    risk->other_factor = g_strdup ("A former partner lives in the same town");
  if (risk->level != CARE_RISK_LOW)
    risk->mitigation = g_strdup (mitigations[draw (demo, G_N_ELEMENTS (mitigations))]);
  risk->assessed_on = *assessed_on;

  needs->airport_reception = chance (demo, 0.9);
  needs->secure_accommodation_nights = chance (demo, 0.6) ? (guint) draw_between (demo, 1, 14) : 0;
  needs->health_check = chance (demo, 0.7);
  needs->secondary_transport = chance (demo, 0.6);
  needs->escort = draft->minor || chance (demo, 0.05);

  skills->education = g_strdup (education_levels[draw (demo, G_N_ELEMENTS (education_levels))]);
  skills->languages = g_strdup (draft->country->languages);
  skills->work_experience = g_strdup (work_experience[draw (demo, G_N_ELEMENTS (work_experience))]);
  skills->vocational_skills = g_strdup (vocational_skills[draw (demo, G_N_ELEMENTS (vocational_skills))]);
  skills->aspirations = g_strdup (aspirations[draw (demo, G_N_ELEMENTS (aspirations))]);
  skills->preferred_option = g_strdup (preferred_options[draw (demo, G_N_ELEMENTS (preferred_options))]);
  skills->contact_in_return_country = chance (demo, 0.5);

  if (draft->minor)
    {
      c->minor->guardian = g_strdup (chance (demo, 0.5) ? "Guardian appointed by the juvenile court"
                                                         : "Aunt, legal representative");
      date_plus (assessed_on, draw_between (demo, 0, 5), &c->minor->best_interests_assessed_on);
      clamp_to_today (demo, &c->minor->best_interests_assessed_on);
    }
}

static void
fill_arrival (Demo     *demo,
              Draft    *draft,
              CareCase *c)
{
  struct { CareArrivalItemKind kind; gboolean needed; int delay; } items[] = {
    { CARE_ARRIVAL_AIRPORT_RECEPTION, c->arrival_needs->airport_reception, 0 },
    { CARE_ARRIVAL_SECURE_ACCOMMODATION, c->arrival_needs->secure_accommodation_nights > 0, 0 },
    { CARE_ARRIVAL_HEALTH_CHECK, c->arrival_needs->health_check, draw_between (demo, 1, 5) },
    { CARE_ARRIVAL_ONWARD_TRANSPORT, c->arrival_needs->secondary_transport, draw_between (demo, 1, 3) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      CareArrivalItem *item;

      if (!items[i].needed)
        continue;
      item = care_arrival_item_new (items[i].kind);
      date_plus (&c->arrival_date, items[i].delay, &item->planned_on);
      if (!after_today (demo, &item->planned_on) && chance (demo, 0.95))
        {
          item->done_on = item->planned_on;
          item->who = g_strdup (draft->office);
        }
      g_ptr_array_add (c->arrival_items, item);
    }
}

static void
progress_measures (Demo            *demo,
                   CarePlanVersion *version,
                   gboolean         finished)
{
  for (guint i = 0; i < version->measures->len; i++)
    {
      CareMeasure *m = g_ptr_array_index (version->measures, i);
      double r = g_rand_double (demo->rand);

      if (finished ? r < 0.88 : r < 0.35)
        {
          m->status = CARE_MEASURE_DONE;
          m->actual_cost_cents = m->budget_cents / 100 * draw_between (demo, 80, 110);
        }
      else if (finished ? r < 0.97 : r < 0.9)
        {
          m->status = finished ? CARE_MEASURE_CANCELLED : CARE_MEASURE_IN_PROGRESS;
          if (!finished)
            m->actual_cost_cents = m->budget_cents / 100 * draw_between (demo, 10, 60);
        }
    }
}

/* Scores improve as the months after return go by. */
static guint
draw_score (Demo *demo,
            int   base)
{
  int score = base + draw_between (demo, 0, 2);

  return (guint) CLAMP (score, 1, 5);
}

/* Marks the follow-ups due by LIMIT as done (but the last MISSED of them,
 * left overdue), with scores that improve as months go by. Returns how
 * many are done and sets LAST_DONE. */
static guint
do_followups (Demo        *demo,
              Draft       *draft,
              CareCase    *c,
              const GDate *limit,
              guint        missed,
              GDate       *last_done)
{
  guint n_due = 0, n_done = 0;

  for (guint i = 0; i < c->followups->len; i++)
    {
      CareFollowUp *f = g_ptr_array_index (c->followups, i);

      if (care_follow_up_is_pending (f) && g_date_compare (&f->due_on, limit) <= 0)
        n_due++;
    }
  missed = MIN (missed, n_due);

  g_ptr_array_sort (c->followups, care_follow_up_compare_due);
  for (guint i = 0; i < c->followups->len && n_done + missed < n_due; i++)
    {
      CareFollowUp *f = g_ptr_array_index (c->followups, i);
      double r;
      int base;

      if (!care_follow_up_is_pending (f) || g_date_compare (&f->due_on, limit) > 0)
        continue;
      date_plus (&f->due_on, draw_between (demo, -3, 10), &f->done_on);
      if (g_date_compare (&f->done_on, limit) > 0)
        f->done_on = *limit;
      if (g_date_compare (&f->done_on, &c->arrival_date) < 0)
        f->done_on = c->arrival_date;
      clamp_to_today (demo, &f->done_on);
      r = g_rand_double (demo->rand);
      f->mode = r < 0.5 ? CARE_FOLLOWUP_VISIT : r < 0.9 ? CARE_FOLLOWUP_PHONE : CARE_FOLLOWUP_VIDEO;
      f->who = g_strdup (draft->office);
      if (chance (demo, 0.6))
        f->notes = g_strdup (followup_notes[draw (demo, G_N_ELEMENTS (followup_notes))]);
      base = 1 + (int) f->months_after_arrival / 4;
      f->economic_score = draw_score (demo, base);
      f->social_score = draw_score (demo, base);
      f->psychosocial_score = draw_score (demo, base);
      r = g_rand_double (demo->rand);
      f->reexploitation_risk = r < 0.7 ? CARE_RISK_LOW : r < 0.95 ? CARE_RISK_MEDIUM : CARE_RISK_HIGH;
      *last_done = f->done_on;
      n_done++;
    }
  return n_done;
}

static void
close_case (CareCase          *c,
            CareClosureReason  reason,
            const GDate       *on)
{
  c->closure = care_closure_new (reason, on);
  care_case_cancel_followups (c, on);
}

static CareCase *
make_case (Demo *demo)
{
  g_autoptr(CareCase) c = care_case_new ();
  Draft draft = { 0 };
  gboolean eligible_window = TRUE;
  GDate first, last, assessed_on, agreed_on;
  CarePlanVersion *version;

  draft.country = draw_return_country (demo);
  draft.eligible_host = !chance (demo, 0.02);
  if (draft.eligible_host)
    draft.host = draw_host_country (demo);
  else
    draft.host = &outside_hosts[draw (demo, G_N_ELEMENTS (outside_hosts))];
  draft.minor = chance (demo, 0.08);
  draw_stage (demo, &draft);
  draft.office = provider_name (draft.country, CARE_MEASURE_GROUP_OTHER, 0);

  /* Referrals from a little before the window to its end, so that returns
   * fall inside it; 3% return outside it and are flagged. */
  if (chance (demo, 0.03))
    {
      eligible_window = FALSE;
      if (chance (demo, 0.5))
        {
          date_plus (&demo->settings->window_start, -draw_between (demo, 150, 300), &c->referral_date);
          date_plus (&c->referral_date, draw_between (demo, 25, 60), &c->planned_return_date);
        }
      else
        {
          date_plus (&demo->settings->window_end, -draw_between (demo, 0, 20), &c->referral_date);
          date_plus (&c->referral_date, draw_between (demo, 40, 100), &c->planned_return_date);
        }
    }
  else
    {
      date_plus (&demo->settings->window_start, -90, &first);
      date_plus (&demo->settings->window_end, -120, &last);
      date_between (demo, &first, &last, &c->referral_date);
      date_plus (&c->referral_date, draw_between (demo, 30, 110), &c->planned_return_date);
      if (g_date_compare (&c->planned_return_date, &demo->settings->window_start) < 0)
        date_plus (&demo->settings->window_start, draw_between (demo, 0, 60), &c->planned_return_date);
    }
  clamp_to_today (demo, &c->referral_date);

  fill_person (demo, &draft, c);
  c->host_country = g_strdup (draft.host->code);
  c->return_country = g_strdup (draft.country->code);
  c->destination = g_strdup (pick (demo, &draft.country->towns));
  c->referring_organisation = g_strdup (pick (demo, &draft.host->organisations));
  c->referring_partner_id = partner_id (demo, c->referring_organisation);
  c->referral_contact = g_strdup (pick (demo, &draft.host->staff));
  c->caseworker = g_strdup (pick (demo, &draft.host->staff));
  c->plan_language = g_strdup (draft.country->plan_language);
  if (chance (demo, 0.25))
    c->notes = g_strdup (notes_texts[draw (demo, G_N_ELEMENTS (notes_texts))]);

  care_consent_give (&c->consent_voluntary_return, &c->referral_date);
  if (chance (demo, 0.97))
    care_consent_give (&c->consent_data, &c->referral_date);
  {
    double r = g_rand_double (demo->rand);

    if (r < 0.88)
      care_consent_give (&c->consent_followup, &c->referral_date);
    else if (r < 0.95)
      care_consent_refuse (&c->consent_followup, &c->referral_date);
  }

  /* Ineligible cases are assessed and closed as not eligible, or still
   * waiting for a decision. */
  if (!eligible_window || !draft.eligible_host)
    draft.stage = chance (demo, 0.6) ? CARE_CASE_CLOSED : CARE_CASE_REFERRED;

  date_plus (&c->referral_date, draw_between (demo, 3, 20), &assessed_on);
  if (draft.stage == CARE_CASE_REFERRED || after_today (demo, &assessed_on))
    {
      if (draft.stage == CARE_CASE_CLOSED)
        close_case (c, CARE_CLOSURE_NOT_ELIGIBLE, &c->referral_date);
      goto done;
    }
  fill_assessment (demo, &draft, c, &assessed_on);

  if (!eligible_window || !draft.eligible_host)
    {
      GDate closed_on;

      date_plus (&assessed_on, draw_between (demo, 1, 15), &closed_on);
      clamp_to_today (demo, &closed_on);
      close_case (c, CARE_CLOSURE_NOT_ELIGIBLE, &closed_on);
      goto done;
    }

  /* The plan: drafted after the assessment, agreed before the return. */
  date_plus (&assessed_on, draw_between (demo, 5, 20), &agreed_on);
  if (g_date_compare (&agreed_on, &c->planned_return_date) > 0)
    agreed_on = c->planned_return_date;
  if (care_date_is_set (&c->minor->best_interests_assessed_on) &&
      g_date_compare (&agreed_on, &c->minor->best_interests_assessed_on) < 0)
    agreed_on = c->minor->best_interests_assessed_on;

  version = care_plan_edit (c->plan);
  fill_version (demo, &draft, version, &c->planned_return_date);
  if (draft.stage == CARE_CASE_ASSESSED || after_today (demo, &agreed_on))
    goto done;
  if (!care_case_agree_plan (c, &agreed_on, NULL))
    goto done;

  /* A second version for a quarter of the plans: a measure added once the
   * beneficiary saw the first one through, agreed again. */
  if (chance (demo, 0.25))
    {
      GDate second;

      date_plus (&agreed_on, draw_between (demo, 3, 15), &second);
      version = care_plan_edit (c->plan);
      g_ptr_array_add (version->measures,
                       make_measure (demo, &draft,
                                     (CareMeasureCategory) draw (demo, CARE_MEASURE_CATEGORY_COUNT),
                                     &c->planned_return_date));
      if (!after_today (demo, &second) && g_date_compare (&second, &c->planned_return_date) <= 0)
        care_case_agree_plan (c, &second, NULL);
    }

  if (draft.stage == CARE_CASE_PLAN_AGREED)
    goto done;

  /* The return. */
  date_plus (&c->planned_return_date, draw_between (demo, 0, 10), &c->arrival_date);
  if (after_today (demo, &c->arrival_date))
    {
      care_date_unset (&c->arrival_date);
      goto done;
    }
  fill_arrival (demo, &draft, c);
  version = care_plan_get_current (c->plan);
  progress_measures (demo, version, draft.stage == CARE_CASE_CLOSED);
  care_case_update_schedule (c, demo->settings);
  if (draft.stage == CARE_CASE_RETURNED)
    goto done;

  {
    GDate last_done, closed_on, end;
    guint missed = 0;

    care_date_unset (&last_done);
    care_schedule_get_end (&c->arrival_date, demo->settings->followup_max_months, &end);

    if (draft.stage == CARE_CASE_IN_FOLLOW_UP)
      {
        /* One open case in four has a contact missed: overdue now. */
        if (chance (demo, 0.25))
          missed = (guint) draw_between (demo, 1, 2);
        do_followups (demo, &draft, c, &demo->today, missed, &last_done);
        /* A few people withdraw their consent on the way. */
        if (care_date_is_set (&last_done) && chance (demo, 0.04))
          {
            GDate withdrawn;

            date_plus (&last_done, draw_between (demo, 5, 40), &withdrawn);
            /* The contacts already made stay covered by the consent. */
            if (!after_today (demo, &withdrawn))
              {
                care_consent_withdraw (&c->consent_followup, &withdrawn);
                care_case_cancel_followups (c, &withdrawn);
              }
          }
        goto done;
      }

    /* Closed: mostly at the end of the follow-up year. */
    {
      double r = g_rand_double (demo->rand);

      if (r < 0.75 && !after_today (demo, &end))
        {
          do_followups (demo, &draft, c, &end, 0, &last_done);
          closed_on = care_date_is_set (&last_done) ? last_done : end;
          date_plus (&closed_on, draw_between (demo, 0, 20), &closed_on);
          clamp_to_today (demo, &closed_on);
          close_case (c, CARE_CLOSURE_COMPLETED, &closed_on);
        }
      else
        {
          CareClosureReason reason = r < 0.87 ? CARE_CLOSURE_LOST_CONTACT :
                                     r < 0.95 ? CARE_CLOSURE_WITHDREW :
                                     r < 0.99 ? CARE_CLOSURE_OTHER : CARE_CLOSURE_DECEASED;
          GDate limit;

          date_plus (&c->arrival_date, draw_between (demo, 40, 250), &limit);
          clamp_to_today (demo, &limit);
          do_followups (demo, &draft, c, &limit, 0, &last_done);
          closed_on = limit;
          if (reason == CARE_CLOSURE_WITHDREW && care_consent_is_given (&c->consent_followup))
            {
              /* Withdrawn after the last contact, which it covered. */
              if (care_date_is_set (&last_done) && g_date_compare (&closed_on, &last_done) <= 0)
                date_plus (&last_done, 1, &closed_on);
              if (after_today (demo, &closed_on))
                {
                  closed_on = limit;
                  reason = CARE_CLOSURE_OTHER;
                }
              else
                care_consent_withdraw (&c->consent_followup, &closed_on);
            }
          close_case (c, reason, &closed_on);
          c->closure->notes = g_strdup (reason == CARE_CLOSURE_LOST_CONTACT ?
                                        "Phone switched off; the return office could not find her at the last address." :
                                        NULL);
        }
    }
  }

done:
  g_free (draft.office);
  return g_steal_pointer (&c);
}

gboolean
care_demo_generate (CareVault          *vault,
                    guint               count,
                    guint32             seed,
                    const CareSettings *settings,
                    const GDate        *today,
                    CareProgressFunc    progress,
                    gpointer            progress_data,
                    GError            **error)
{
  Demo demo = { 0 };
  gboolean ok = FALSE;
  gboolean in_transaction = FALSE;

  g_return_val_if_fail (CARE_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  demo.vault = vault;
  demo.settings = settings;
  if (today != NULL && care_date_is_set (today))
    demo.today = *today;
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      care_date_set (&demo.today, (GDateYear) g_date_time_get_year (now),
                     (GDateMonth) g_date_time_get_month (now),
                     (GDateDay) g_date_time_get_day_of_month (now));
    }
  demo.rand = g_rand_new_with_seed (seed);
  demo.partner_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  demo.hosts = g_ptr_array_new ();

  /* The programme's host countries as the settings say, in our table's
   * order (for the seed's sake), with a modest weight for any we have no
   * figures for. */
  for (guint i = 0; i < G_N_ELEMENTS (host_countries); i++)
    if (care_settings_is_host_country (settings, host_countries[i].code))
      {
        g_ptr_array_add (demo.hosts, (gpointer) &host_countries[i]);
        demo.host_weight_total += host_countries[i].weight;
      }
  if (demo.hosts->len == 0)
    {
      g_ptr_array_add (demo.hosts, (gpointer) &host_countries[0]);
      demo.host_weight_total = host_countries[0].weight;
    }
  for (guint i = 0; i < G_N_ELEMENTS (return_countries); i++)
    demo.return_weight_total += return_countries[i].weight;

  if (progress != NULL)
    progress (0.0, progress_data);

  if (!care_store_begin (vault, error))
    goto out;
  in_transaction = TRUE;
  if (!ensure_partners (&demo, error))
    goto out;

  for (guint i = 0; i < count; i++)
    {
      g_autoptr(CareCase) c = make_case (&demo);

      if (!care_case_store_save (vault, c, settings, &demo.today, error))
        goto out;

      if ((i + 1) % BATCH_SIZE == 0 && i + 1 < count)
        {
          in_transaction = FALSE;
          if (!care_store_commit (vault, error))
            goto out;
          if (progress != NULL)
            progress ((double) (i + 1) / count, progress_data);
          if (!care_store_begin (vault, error))
            goto out;
          in_transaction = TRUE;
        }
    }
  in_transaction = FALSE;
  if (!care_store_commit (vault, error))
    goto out;
  if (progress != NULL)
    progress (1.0, progress_data);
  ok = TRUE;

out:
  if (in_transaction)
    care_store_rollback (vault);
  g_rand_free (demo.rand);
  g_hash_table_unref (demo.partner_ids);
  g_ptr_array_unref (demo.hosts);
  return ok;
}
