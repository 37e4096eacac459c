"""Themes, and the starter questionnaire every company can begin from. No Flask.

The starter follows the pilot's rules: at most 20 questions, one thing per
question, sensitive topics asked as "you or someone you work with", and the
negative answer alternating between yes and no. Every text but the English one
was drafted by machine and is marked "needs review" until a fluent speaker
checks it.
"""

from __future__ import annotations

from ..text import N_

THEMES: dict[str, str] = {
    "wages": N_("Wages"),
    "hours": N_("Working hours"),
    "fatigue": N_("Fatigue"),
    "discrimination": N_("Discrimination"),
    "harassment": N_("Harassment"),
    "safety": N_("Safety"),
    "facilities": N_("Facilities"),
    "training": N_("Training"),
    "supervisor": N_("Supervisor behaviour"),
    "voice": N_("Voice and grievance"),
}

#: Languages a questionnaire may be written in (codes and their own names).
SURVEY_LANGUAGES: dict[str, str] = {
    "en": "English", "nl": "Nederlands", "zh_Hans": "简体中文", "vi": "Tiếng Việt",
    "hi": "हिन्दी", "si": "සිංහල", "ta": "தமிழ்", "bn": "বাংলা",
}
REVIEWED = {"en"}

# code, theme, negative answer, standard, {language: text}
STARTER: list[tuple[str, str, str, str, dict[str, str]]] = [
    ("WAGE_RUNS_OUT", "wages", "yes", "ESRS S2 (adequate wages)", {
        "en": "Does your salary run out before the end of the month?",
        "nl": "Is je salaris op voordat de maand voorbij is?",
        "zh_Hans": "您的工资是否在月底前就用完了？",
        "vi": "Lương của bạn có hết trước cuối tháng không?",
        "hi": "क्या आपका वेतन महीने के अंत से पहले खत्म हो जाता है?",
        "si": "ඔබේ වැටුප මාසය අවසන් වීමට පෙර අවසන් වේද?",
        "ta": "மாத இறுதிக்கு முன்பே உங்கள் சம்பளம் தீர்ந்துவிடுகிறதா?",
        "bn": "আপনার বেতন কি মাস শেষ হওয়ার আগেই ফুরিয়ে যায়?"}),
    ("WAGE_ON_TIME", "wages", "no", "SMETA 5", {
        "en": "Were you paid on time in each of the last three months?",
        "nl": "Kreeg je de afgelopen drie maanden elke maand op tijd betaald?",
        "zh_Hans": "过去三个月，您每个月的工资都按时发放了吗？",
        "vi": "Trong ba tháng qua, bạn có được trả lương đúng hạn mỗi tháng không?",
        "hi": "क्या पिछले तीन महीनों में हर महीने आपको समय पर वेतन मिला?",
        "si": "පසුගිය මාස තුනේ සෑම මාසයකම ඔබට නියමිත වේලාවට වැටුප් ලැබුණාද?",
        "ta": "கடந்த மூன்று மாதங்களில் ஒவ்வொரு மாதமும் உங்களுக்கு சரியான நேரத்தில் சம்பளம் கிடைத்ததா?",
        "bn": "গত তিন মাসে প্রতি মাসে কি আপনি সময়মতো বেতন পেয়েছেন?"}),
    ("OVERTIME_FORCED", "hours", "yes", "ILO C029", {
        "en": "In the last three months, were you or someone you work with made to work overtime against their will?",
        "nl": "Moest jij of iemand met wie je werkt de afgelopen drie maanden tegen de eigen wil overwerken?",
        "zh_Hans": "过去三个月，您或您的同事是否被迫违背意愿加班？",
        "vi": "Trong ba tháng qua, bạn hoặc người làm cùng bạn có bị buộc làm thêm giờ trái ý muốn không?",
        "hi": "पिछले तीन महीनों में, क्या आपसे या आपके साथ काम करने वाले किसी व्यक्ति से उनकी इच्छा के विरुद्ध ओवरटाइम करवाया गया?",
        "si": "පසුගිය මාස තුනේ, ඔබට හෝ ඔබ සමඟ වැඩ කරන අයෙකුට ඔවුන්ගේ කැමැත්තට එරෙහිව අතිකාල වැඩ කිරීමට සිදු වූවාද?",
        "ta": "கடந்த மூன்று மாதங்களில், நீங்களோ உங்களுடன் வேலை செய்யும் ஒருவரோ விருப்பத்துக்கு மாறாக கூடுதல் நேரம் வேலை செய்ய வைக்கப்பட்டீர்களா?",
        "bn": "গত তিন মাসে, আপনাকে বা আপনার সঙ্গে কাজ করেন এমন কাউকে কি তাদের ইচ্ছার বিরুদ্ধে ওভারটাইম করতে বাধ্য করা হয়েছে?"}),
    ("DAY_OFF", "hours", "no", "ILO C014", {
        "en": "Do you get at least one full day off every week?",
        "nl": "Heb je elke week minstens één hele dag vrij?",
        "zh_Hans": "您每周至少有一整天休息吗？",
        "vi": "Mỗi tuần bạn có được nghỉ ít nhất một ngày trọn vẹn không?",
        "hi": "क्या आपको हर हफ्ते कम से कम एक पूरा दिन छुट्टी मिलती है?",
        "si": "ඔබට සෑම සතියකම අවම වශයෙන් එක් සම්පූර්ණ නිවාඩු දිනයක් ලැබේද?",
        "ta": "ஒவ்வொரு வாரமும் குறைந்தது ஒரு முழு நாள் விடுமுறை கிடைக்கிறதா?",
        "bn": "আপনি কি প্রতি সপ্তাহে অন্তত একটি পুরো দিন ছুটি পান?"}),
    ("EXHAUSTED", "fatigue", "yes", "ESRS S2 (health)", {
        "en": "Are you physically exhausted at the end of most working days?",
        "nl": "Ben je aan het eind van de meeste werkdagen lichamelijk uitgeput?",
        "zh_Hans": "大多数工作日结束时，您是否感到身体筋疲力尽？",
        "vi": "Cuối hầu hết các ngày làm việc, bạn có kiệt sức về thể chất không?",
        "hi": "क्या ज़्यादातर कामकाजी दिनों के अंत में आप शारीरिक रूप से थक कर चूर हो जाते हैं?",
        "si": "බොහෝ වැඩ දිනවල අවසානයේ ඔබ ශාරීරිකව දැඩි ලෙස වෙහෙසට පත් වේද?",
        "ta": "பெரும்பாலான வேலை நாட்களின் முடிவில் நீங்கள் உடல் ரீதியாக முற்றிலும் சோர்ந்து போகிறீர்களா?",
        "bn": "বেশিরভাগ কাজের দিনের শেষে আপনি কি শারীরিকভাবে একেবারে ক্লান্ত হয়ে পড়েন?"}),
    ("CLEAN_WATER", "facilities", "no", "SMETA 3", {
        "en": "Can you get clean drinking water at work whenever you need it?",
        "nl": "Kun je op het werk schoon drinkwater krijgen wanneer je dat nodig hebt?",
        "zh_Hans": "工作时，您需要的时候随时都能喝到干净的饮用水吗？",
        "vi": "Ở nơi làm việc, bạn có thể lấy nước uống sạch bất cứ khi nào cần không?",
        "hi": "क्या काम पर ज़रूरत पड़ने पर आपको हमेशा साफ़ पीने का पानी मिल जाता है?",
        "si": "වැඩ කරන ස්ථානයේ ඔබට අවශ්‍ය ඕනෑම වේලාවක පිරිසිදු පානීය ජලය ලබා ගත හැකිද?",
        "ta": "வேலையில் தேவைப்படும் போதெல்லாம் சுத்தமான குடிநீர் கிடைக்கிறதா?",
        "bn": "কর্মস্থলে প্রয়োজন হলেই কি আপনি পরিষ্কার খাবার পানি পান?"}),
    ("INJURY", "safety", "yes", "ESRS S2 (health and safety)", {
        "en": "In the last three months, were you or someone you work with injured at work?",
        "nl": "Raakte jij of iemand met wie je werkt de afgelopen drie maanden gewond op het werk?",
        "zh_Hans": "过去三个月，您或您的同事在工作中受过伤吗？",
        "vi": "Trong ba tháng qua, bạn hoặc người làm cùng bạn có bị thương khi làm việc không?",
        "hi": "पिछले तीन महीनों में, क्या आप या आपके साथ काम करने वाला कोई व्यक्ति काम पर घायल हुआ?",
        "si": "පසුගිය මාස තුනේ, ඔබ හෝ ඔබ සමඟ වැඩ කරන අයෙකු වැඩ කරන අතරතුර තුවාල ලැබුවාද?",
        "ta": "கடந்த மூன்று மாதங்களில், நீங்களோ உங்களுடன் வேலை செய்யும் ஒருவரோ வேலையில் காயமடைந்தீர்களா?",
        "bn": "গত তিন মাসে, আপনি বা আপনার সঙ্গে কাজ করেন এমন কেউ কি কর্মস্থলে আহত হয়েছেন?"}),
    ("TOILETS", "facilities", "no", "SMETA 3", {
        "en": "Can you use a toilet at work when you need to?",
        "nl": "Kun je op het werk naar het toilet wanneer je moet?",
        "zh_Hans": "工作时，您需要的时候可以上厕所吗？",
        "vi": "Ở nơi làm việc, bạn có thể đi vệ sinh khi cần không?",
        "hi": "क्या काम पर ज़रूरत होने पर आप शौचालय जा सकते हैं?",
        "si": "වැඩ කරන ස්ථානයේ ඔබට අවශ්‍ය විට වැසිකිළිය භාවිත කළ හැකිද?",
        "ta": "வேலையில் தேவைப்படும் போது கழிப்பறையைப் பயன்படுத்த முடிகிறதா?",
        "bn": "কর্মস্থলে প্রয়োজন হলে কি আপনি টয়লেট ব্যবহার করতে পারেন?"}),
    ("SUPERVISOR_SHOUTS", "supervisor", "yes", "ESRS S2 (dignity)", {
        "en": "In the last three months, did a supervisor shout at you or someone you work with?",
        "nl": "Heeft een leidinggevende de afgelopen drie maanden tegen jou of iemand met wie je werkt geschreeuwd?",
        "zh_Hans": "过去三个月，主管是否对您或您的同事大声呵斥过？",
        "vi": "Trong ba tháng qua, có người quản lý nào quát mắng bạn hoặc người làm cùng bạn không?",
        "hi": "पिछले तीन महीनों में, क्या किसी सुपरवाइज़र ने आप पर या आपके साथ काम करने वाले किसी व्यक्ति पर चिल्लाया?",
        "si": "පසුගිය මාස තුනේ, අධීක්ෂකවරයෙකු ඔබට හෝ ඔබ සමඟ වැඩ කරන අයෙකුට කෑ ගැසුවාද?",
        "ta": "கடந்த மூன்று மாதங்களில், மேற்பார்வையாளர் உங்களையோ உங்களுடன் வேலை செய்யும் ஒருவரையோ பார்த்து கத்தினாரா?",
        "bn": "গত তিন মাসে, কোনো সুপারভাইজার কি আপনার বা আপনার সঙ্গে কাজ করেন এমন কারও ওপর চিৎকার করেছেন?"}),
    ("SAFETY_TRAINING", "training", "no", "ILO C155", {
        "en": "Were you trained to do your work safely?",
        "nl": "Heb je een training gekregen om je werk veilig te doen?",
        "zh_Hans": "您接受过如何安全工作的培训吗？",
        "vi": "Bạn có được đào tạo để làm việc an toàn không?",
        "hi": "क्या आपको अपना काम सुरक्षित तरीके से करने का प्रशिक्षण मिला?",
        "si": "ඔබේ වැඩ ආරක්ෂිතව කිරීමට ඔබට පුහුණුවක් ලැබුණාද?",
        "ta": "உங்கள் வேலையைப் பாதுகாப்பாகச் செய்ய உங்களுக்குப் பயிற்சி அளிக்கப்பட்டதா?",
        "bn": "আপনার কাজ নিরাপদে করার জন্য কি আপনাকে প্রশিক্ষণ দেওয়া হয়েছে?"}),
    ("TREATED_WORSE", "discrimination", "yes", "ILO C111", {
        "en": "Were you or someone you work with treated worse because of gender, pregnancy, origin, religion, age, union membership?",
        "nl": "Werd jij of iemand met wie je werkt slechter behandeld vanwege geslacht, zwangerschap, afkomst, geloof, leeftijd, vakbondslidmaatschap?",
        "zh_Hans": "您或您的同事是否因为性别、怀孕、出身、宗教、年龄、工会会员身份而受到更差的对待？",
        "vi": "Bạn hoặc người làm cùng bạn có bị đối xử tệ hơn vì giới tính, mang thai, nguồn gốc, tôn giáo, tuổi tác, việc tham gia công đoàn không?",
        "hi": "क्या आपके साथ या आपके साथ काम करने वाले किसी व्यक्ति के साथ लिंग, गर्भावस्था, मूल, धर्म, उम्र, यूनियन सदस्यता के कारण बुरा व्यवहार हुआ?",
        "si": "ස්ත්‍රී පුරුෂ භාවය, ගැබ්ගැනීම, සම්භවය, ආගම, වයස, වෘත්තීය සමිති සාමාජිකත්වය නිසා ඔබට හෝ ඔබ සමඟ වැඩ කරන අයෙකුට අඩුවෙන් සැලකුවාද?",
        "ta": "பாலினம், கர்ப்பம், பூர்வீகம், மதம், வயது, தொழிற்சங்க உறுப்பினர் என்பதால் நீங்களோ உங்களுடன் வேலை செய்யும் ஒருவரோ மோசமாக நடத்தப்பட்டீர்களா?",
        "bn": "লিঙ্গ, গর্ভাবস্থা, উৎস, ধর্ম, বয়স, ইউনিয়ন সদস্যপদের কারণে কি আপনার বা আপনার সঙ্গে কাজ করেন এমন কারও সঙ্গে খারাপ আচরণ করা হয়েছে?"}),
    ("FIRE_EXITS", "safety", "no", "SMETA 3", {
        "en": "Do you know where the emergency exits are?",
        "nl": "Weet je waar de nooduitgangen zijn?",
        "zh_Hans": "您知道紧急出口在哪里吗？",
        "vi": "Bạn có biết lối thoát hiểm ở đâu không?",
        "hi": "क्या आप जानते हैं कि आपातकालीन निकास कहाँ हैं?",
        "si": "හදිසි පිටවීමේ දොරටු කොහේද යන්න ඔබ දන්නවාද?",
        "ta": "அவசர வெளியேறும் வழிகள் எங்கே என்று உங்களுக்குத் தெரியுமா?",
        "bn": "জরুরি বহির্গমন পথ কোথায় তা কি আপনি জানেন?"}),
    ("UNWANTED_TOUCH", "harassment", "yes", "ILO C190", {
        "en": "At work, were you or someone you work with touched in a way they did not want?",
        "nl": "Werd jij of iemand met wie je werkt op het werk aangeraakt op een manier die diegene niet wilde?",
        "zh_Hans": "在工作中，您或您的同事是否被以不情愿的方式触碰过？",
        "vi": "Ở nơi làm việc, bạn hoặc người làm cùng bạn có bị đụng chạm theo cách họ không muốn không?",
        "hi": "काम पर, क्या आपको या आपके साथ काम करने वाले किसी व्यक्ति को ऐसे छुआ गया जो उन्हें नहीं चाहिए था?",
        "si": "වැඩ කරන ස්ථානයේදී, ඔබට හෝ ඔබ සමඟ වැඩ කරන අයෙකුට ඔවුන් අකමැති ආකාරයකින් ස්පර්ශ කළාද?",
        "ta": "வேலையில், நீங்களோ உங்களுடன் வேலை செய்யும் ஒருவரோ விரும்பாத விதத்தில் தொடப்பட்டீர்களா?",
        "bn": "কর্মস্থলে, আপনাকে বা আপনার সঙ্গে কাজ করেন এমন কাউকে কি তাদের অনিচ্ছায় স্পর্শ করা হয়েছে?"}),
    ("KNOW_WHERE_TO_RAISE", "voice", "no", "UNGP 31", {
        "en": "If you have a problem at work, do you know whom to tell?",
        "nl": "Als je een probleem hebt op het werk, weet je dan bij wie je terechtkunt?",
        "zh_Hans": "如果您在工作中遇到问题，您知道该告诉谁吗？",
        "vi": "Nếu gặp vấn đề ở nơi làm việc, bạn có biết nên báo với ai không?",
        "hi": "अगर काम पर आपको कोई समस्या हो, तो क्या आप जानते हैं कि किसे बताना है?",
        "si": "වැඩ කරන ස්ථානයේ ඔබට ගැටලුවක් ඇති වුවහොත්, කාට කිව යුතුදැයි ඔබ දන්නවාද?",
        "ta": "வேலையில் உங்களுக்கு ஒரு பிரச்சனை இருந்தால், யாரிடம் சொல்ல வேண்டும் என்று தெரியுமா?",
        "bn": "কর্মস্থলে কোনো সমস্যা হলে, কাকে জানাতে হবে তা কি আপনি জানেন?"}),
    ("AFRAID_TO_RAISE", "voice", "yes", "UNGP 31", {
        "en": "Are you afraid of bad consequences if you raise a problem at work?",
        "nl": "Ben je bang voor nare gevolgen als je op het werk een probleem aankaart?",
        "zh_Hans": "如果您在工作中提出问题，您是否害怕会有不好的后果？",
        "vi": "Bạn có sợ gặp hậu quả xấu nếu nêu vấn đề ở nơi làm việc không?",
        "hi": "क्या आपको डर है कि काम पर कोई समस्या उठाने पर आपके साथ बुरा होगा?",
        "si": "වැඩ කරන ස්ථානයේ ගැටලුවක් මතු කළහොත් නරක ප්‍රතිවිපාක ඇති වේ යැයි ඔබ බිය වේද?",
        "ta": "வேலையில் ஒரு பிரச்சனையை எழுப்பினால் மோசமான விளைவுகள் ஏற்படும் என்று பயப்படுகிறீர்களா?",
        "bn": "কর্মস্থলে কোনো সমস্যার কথা বললে খারাপ পরিণতির ভয় কি আপনি পান?"}),
    ("PAYSLIP_CLEAR", "wages", "no", "SMETA 5", {
        "en": "Do you get a pay slip that you understand?",
        "nl": "Krijg je een loonstrook die je begrijpt?",
        "zh_Hans": "您能拿到看得懂的工资条吗？",
        "vi": "Bạn có nhận được phiếu lương mà bạn hiểu được không?",
        "hi": "क्या आपको ऐसी वेतन पर्ची मिलती है जो आप समझ सकें?",
        "si": "ඔබට තේරුම් ගත හැකි වැටුප් පත්‍රිකාවක් ලැබේද?",
        "ta": "உங்களுக்குப் புரியும் சம்பளச் சீட்டு கிடைக்கிறதா?",
        "bn": "আপনি কি এমন বেতন স্লিপ পান যা আপনি বুঝতে পারেন?"}),
]
