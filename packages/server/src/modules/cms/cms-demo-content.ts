/**
 * Synthetic website content for `haven demo`, in English and Japanese. It follows the shape and
 * tone of a small NGO's bilingual site (About, What we are doing, Current situation, Activity
 * report, FAQ), with invented wording and no real person's name. Shelter codes are the
 * pseudonymous kind the real reports use; numbers are those a report of this kind would give.
 */

export interface DemoText {
  slug: string
  title: string
  summary: string
  body: string
  date?: string
  eventStart?: string
  eventEnd?: string
  eventPlace?: string
}

export interface DemoItem {
  kind: 'page' | 'news' | 'report' | 'faq'
  en: DemoText
  ja: DemoText
  fiscalYear?: number
  /** FAQ topic, by its English name. */
  topic?: string
  position?: number
}

export const DEMO_FAQ_TOPICS: readonly { en: string; ja: string }[] = [
  { en: 'About us', ja: '私たちについて' },
  { en: 'Donations and sponsorship', ja: '寄付・里親支援' },
  { en: 'Safety and privacy', ja: '安全とプライバシー' },
  { en: 'Volunteering', ja: 'ボランティア' },
]

export const DEMO_PAGES: readonly DemoItem[] = [
  {
    kind: 'page',
    en: {
      slug: 'home',
      title: 'Help for refugees from North Korea',
      summary:
        'We shelter, feed and protect North Korean refugees hiding in China, and help them reach safety.',
      body: `Thousands of people who fled North Korea live in hiding in China. China does not recognise them as refugees: if they are caught, they are sent back, where they face prison camps or worse.

We are a small group of citizens and volunteers. Together with partners in Asia, North America, Europe and Oceania we:

- run **covert shelters** and share out food under a strict daily budget;
- pay for the **schooling of foster children** who have no papers;
- give **medical help**, including to people who were tortured;
- help people reach **safety in a third country**, through the UNHCR, consulates or other routes;
- support **aid workers** who were arrested for helping refugees.

Read [what we are doing](/en/what-we-do), our latest [activity report](/en/reports/), or find out how you can [get involved](/en/get-involved) or [donate](/en/donate).`,
    },
    ja: {
      slug: 'home',
      title: '北朝鮮からの難民を支援しています',
      summary:
        '中国に潜伏する北朝鮮難民をかくまい、食料を届け、安全な場所へたどり着けるよう支援しています。',
      body: `北朝鮮から逃れた数多くの人々が、中国で身を隠して暮らしています。中国は彼らを難民として認めていません。見つかれば北朝鮮へ送り返され、収容所などで過酷な処遇を受けることになります。

私たちは市民とボランティアによる小さな団体です。アジア、北米、ヨーロッパ、オセアニアの協力団体とともに、次の活動を行っています。

- **秘密のシェルター**を運営し、厳しい一日の予算の範囲で食料を分配する
- 身分証を持たない**里子の就学費用**を支援する
- 拷問を受けた人を含め、**医療支援**を行う
- UNHCR や領事館などを通じて、**第三国で安全に暮らせるよう**支援する
- 難民を助けたために逮捕された**支援者**を支える

[活動内容](/ja/what-we-do)や最新の[活動報告](/ja/reports/)をご覧ください。[参加する](/ja/get-involved)ことや[寄付](/ja/donate)でも支えていただけます。`,
    },
  },
  {
    kind: 'page',
    en: {
      slug: 'about',
      title: 'About us',
      summary: 'Who we are, how we started, and the partners we work with.',
      body: `## Who we are

We are an independent, non-political group of citizens in Japan. We started in 1998, when a handful of volunteers began sending food and money to North Koreans hiding in north-east China. Today a small staff and many volunteers carry on that work, together with trusted helpers on the ground.

We take no government money. Everything we do is paid for by donations from individuals, churches, schools and other groups.

## How we work

The people we protect are in danger if they are found. For that reason:

- we never publish their names, photographs or where they live;
- our shelters are known by codes (such as JRL-01), never by place names;
- our reports give totals, and leave out specific names and numbers whenever they could put someone at risk.

## Our partners

We work with groups and individuals in South Korea, China, Laos, Thailand and Myanmar; in the United States; in Britain, France, Belgium, Germany and Norway; and in New Zealand. We cooperate with the UNHCR and with diplomatic missions when a refugee asks for their protection, and with Japanese groups that support families of people abducted by North Korea.

## A short history

- **1998** — first shipments of rice and clothes to people hiding in China.
- **2001** — the first shelter opens; the education sponsorship plan begins.
- **2003** — we begin supporting aid workers arrested in China and their families.
- **2005** — testimony at the European Parliament and at hearings in the United States.
- **2006** — Japan passes its North Korean Human Rights Act, which we had long worked for.`,
    },
    ja: {
      slug: 'about',
      title: '私たちについて',
      summary: '私たちがどのような団体か、その歩みと協力団体をご紹介します。',
      body: `## 私たちの団体

私たちは日本の市民による、独立した非政治的な団体です。1998 年、数人のボランティアが中国東北部に潜伏する北朝鮮の人々に食料や資金を送り始めたことが始まりです。現在は少人数のスタッフと多くのボランティアが、現地の信頼できる協力者とともにこの活動を続けています。

政府からの資金は一切受け取っていません。活動はすべて、個人、教会、学校、さまざまな団体からの寄付によって支えられています。

## 活動の進め方

私たちが保護している人々は、見つかれば危険にさらされます。そのため、

- 名前、写真、住んでいる場所は決して公表しません。
- シェルターは地名ではなく、JRL-01 のような記号で呼んでいます。
- 報告書では合計のみを示し、誰かを危険にさらすおそれのある具体的な名前や人数は記載しません。

## 協力団体

韓国、中国、ラオス、タイ、ミャンマー、アメリカ、イギリス、フランス、ベルギー、ドイツ、ノルウェー、ニュージーランドの団体や個人と協力しています。難民本人が保護を求めた場合には UNHCR や在外公館と連携し、また北朝鮮による拉致被害者の家族を支援する国内の団体とも協力しています。

## これまでの歩み

- **1998 年** — 中国に潜伏する人々へ、米と衣類の送付を開始。
- **2001 年** — 最初のシェルターを開設。里親就学支援制度を開始。
- **2003 年** — 中国で逮捕された支援者とその家族への支援を開始。
- **2005 年** — 欧州議会およびアメリカの公聴会で証言。
- **2006 年** — 長年働きかけてきた北朝鮮人権法が日本で成立。`,
    },
  },
  {
    kind: 'page',
    en: {
      slug: 'what-we-do',
      title: 'What we are doing',
      summary: 'Shelters, food, schooling, medical care, resettlement and support for aid workers.',
      body: `## Shelters

We keep a few small, covert shelters in the Yanbian region. Each is run by a trusted local helper and known to us only by a code. Refugees stay until they can move on safely.

## Food

Rice is bought locally, so that nothing crosses a border. Our rule is **500 grams of rice per adult per day**. We budget **20 yuan per person**, for **at most 20 people a day** — 400 yuan, or about 6,000 yen, a day and **180,000 yen a month**, which is the limit of what we can afford.

## Schooling for foster children

Children born to North Korean mothers in China often have no papers and cannot go to school. Through the education sponsorship plan, a sponsor in Japan pays for a child's school fees, books and uniform.

## Medical help

We pay for treatment in hospital when it is needed — including for people who were tortured in North Korea — and hand out home first-aid kits to shelters.

## Reaching safety

When someone can neither go home nor stay hidden, we help them reach a third country: through the UNHCR, through a consulate, or by other routes. For their safety we never say who, how many or which way.

## Aid workers in prison

People who help refugees are arrested in China too. We support their families and ask governments to press for their release.

## Japanese classes

For those who settle in Japan we teach Japanese, and help them continue at evening junior high school.`,
    },
    ja: {
      slug: 'what-we-do',
      title: '活動内容',
      summary: 'シェルター、食料、就学支援、医療、定住支援、そして支援者への支援。',
      body: `## シェルター

延辺地域に、小規模な秘密のシェルターをいくつか設けています。それぞれ信頼できる現地の協力者が運営しており、私たちの間では記号でのみ呼んでいます。難民は安全に移動できるようになるまで、ここで過ごします。

## 食料

国境を越える物資が出ないよう、米は現地で購入しています。**大人 1 人 1 日 500 グラム**が基準です。**1 人あたり 20 元**、**1 日最大 20 人**までを予算としており、1 日 400 元（約 6,000 円）、**月 18 万円**が私たちの資金の限度です。

## 里子の就学支援

中国で北朝鮮出身の母親から生まれた子どもの多くは戸籍がなく、学校に通えません。里親就学支援制度では、日本の里親が子どもの学費、教科書代、制服代を負担します。

## 医療支援

北朝鮮で拷問を受けた人を含め、必要な場合には入院治療の費用を負担し、シェルターには家庭用の救急セットを配っています。

## 安全な場所へ

帰国することも隠れ続けることもできない人には、UNHCR や領事館、その他の方法を通じて、第三国へたどり着けるよう支援しています。本人の安全のため、誰を、何人、どの経路で、ということは決して公表しません。

## 逮捕された支援者

中国では、難民を助けた人も逮捕されています。私たちはその家族を支え、各国政府に釈放への働きかけを求めています。

## 日本語教室

日本に定住した人のために日本語を教え、夜間中学で学びを続けられるよう支援しています。`,
    },
  },
  {
    kind: 'page',
    en: {
      slug: 'donate',
      title: 'Donate or sponsor',
      summary: 'How to give, and what your gift pays for.',
      body: `Everything we do is paid for by people like you. We take no government money.

## What a gift pays for

| Gift | Pays for |
| --- | --- |
| ¥3,000 | rice for one adult for about two months |
| ¥6,000 | one day of food for twenty people |
| ¥10,000 | a first-aid kit for a shelter, and a doctor's visit |

## How to give

This website never asks for card details and takes no payments: there is no payment script on it. To give:

### Bank transfer (in Japan)

| To | Details |
| --- | --- |
| Bank | Example Bank (0000), Central branch (000) |
| Account | Ordinary (普通) 0000000 |
| Account name | Example Refugee Aid (レイジ エイド) |

Please write “DONATION” before your name, so we can thank you.

### Postal transfer (郵便振替)

Use a transfer form (払込取扱票) at any post office: account **00000-0-000000**, name *Example Refugee Aid*. Write “donation” and your address in the message field if you would like a receipt.

### From abroad

An international transfer to the bank account above: SWIFT/BIC **EXAMPLEJPJT** (example). Please tell us through the [contact form](/en/contact) that you sent it, so we can find it and thank you.

## Receipts and tax

We send a receipt for every gift on request, by post or e-mail. Whether a gift lowers your tax depends on our legal status and on where you pay tax; the receipt says what we are, so your tax office can tell you.

## Sponsor a child's schooling

A sponsor pays a foster child's school fees, books and uniform. Write to us through the [contact form](/en/contact) and we will send you the details. For the children's safety, sponsors receive news of “their” child by code, without a photograph.`,
    },
    ja: {
      slug: 'donate',
      title: '寄付・里親のお願い',
      summary: 'ご寄付の方法と、寄付金の使いみちについて。',
      body: `私たちの活動は、すべて皆さまからのご寄付で支えられています。政府からの資金は受け取っていません。

## 寄付金の使いみち

| 金額 | 使いみち |
| --- | --- |
| 3,000 円 | 大人 1 人のおよそ 2 か月分の米 |
| 6,000 円 | 20 人の 1 日分の食料 |
| 10,000 円 | シェルターの救急セットと 1 回の診察 |

## ご寄付の方法

このウェブサイトでカード番号を伺ったり、お支払いを受け付けたりすることはありません（決済用のスクリプトも置いていません）。ご寄付は次の方法でお願いします。

### 銀行振込

| 項目 | 内容 |
| --- | --- |
| 銀行 | 例示銀行（0000）本店営業部（000） |
| 口座 | 普通預金 0000000 |
| 名義 | レイジ エイド |

お名前の前に「キフ」とご記入ください。お礼をお送りするためです。

### 郵便振替

郵便局の払込取扱票で、口座番号 **00000-0-000000**、加入者名「レイジ エイド」へお振り込みください。領収書をご希望の方は、通信欄に「寄付」とご住所をお書きください。

### 海外から

上記の銀行口座へ海外送金いただけます。SWIFT/BIC コード **EXAMPLEJPJT**（例）。お手数ですが、[お問い合わせフォーム](/ja/contact)から送金した旨をお知らせください。

## 領収書と税について

ご希望の方には、郵送またはメールで領収書をお送りします。寄付金が税の控除の対象になるかどうかは、当団体の法人格とお住まいの国の制度によります。領収書に当団体の種別を記載していますので、税務署などにご確認ください。

## 里親として就学を支える

里親は、里子の学費、教科書代、制服代を負担します。[お問い合わせフォーム](/ja/contact)からご連絡いただければ、詳しいご案内をお送りします。子どもたちの安全のため、里親の皆さまには写真ではなく記号で近況をお伝えしています。`,
    },
  },
  {
    kind: 'page',
    en: {
      slug: 'get-involved',
      title: 'Get involved',
      summary: 'Volunteers and interns are the heart of our work.',
      body: `Much of our work is done by volunteers: translating testimonies, preparing seminars and screenings, sorting clothes, answering letters, keeping accounts.

Through this website we have also taken on **interns**, who have become essential to us. We especially need people fluent in **Chinese** or **Korean**: every new speaker lets us do more.

::: quote
I came to sort clothes for one afternoon. Three years later I translate letters every week.

— A volunteer in Tokyo (a made-up voice for the demo)
:::

You do not need to live in Japan to help. Tell us below what you can do and when.

::: action
Cannot give time? Money helps just as much. [Donate](/en/donate)
:::`,
    },
    ja: {
      slug: 'get-involved',
      title: '参加する',
      summary: 'ボランティアとインターンは、私たちの活動の要です。',
      body: `私たちの活動の多くは、ボランティアの皆さんに支えられています。証言の翻訳、セミナーや上映会の準備、衣類の仕分け、手紙への返信、会計など、仕事はさまざまです。

このウェブサイトを通じて**インターン**も受け入れており、今では欠かせない存在です。特に**中国語**や**韓国語**が堪能な方を必要としています。話せる人が一人増えるごとに、できることが広がります。

::: quote
一日だけ衣類の仕分けに来たつもりが、3 年たった今も毎週手紙を翻訳しています。

— 東京のボランティア（デモ用の架空の声）
:::

日本にお住まいでなくても参加できます。下のフォームから、できることと時期をお知らせください。

::: action
時間が取れない方は、ご寄付でも大きな助けになります。[寄付する](/ja/donate)
:::`,
    },
  },
]

export const DEMO_NEWS: readonly DemoItem[] = [
  {
    kind: 'news',
    en: {
      slug: 'human-rights-act-passed',
      date: '2006-06-16',
      title: 'Japan passes its North Korean Human Rights Act',
      summary:
        'The law we worked for with partner groups obliges the government to address abductions and refugee protection.',
      body: `The Diet has passed the North Korean Human Rights Act. For the first time, a Japanese law names the protection of North Korean refugees as a task of the government, alongside the abduction issue.

We worked for this law together with groups that support families of abductees and returnees. It is a beginning: what matters now is how it is applied, and whether people who escape can count on Japan's help.`,
    },
    ja: {
      slug: 'human-rights-act-passed',
      date: '2006-06-16',
      title: '北朝鮮人権法が成立しました',
      summary:
        '協力団体とともに働きかけてきた法律が成立し、政府に拉致問題と難民保護への取り組みが義務づけられました。',
      body: `国会で北朝鮮人権法が成立しました。拉致問題とともに、北朝鮮難民の保護が政府の取り組むべき課題として、初めて日本の法律に明記されました。

私たちは、拉致被害者の家族や帰国者を支援する団体とともに、この法律の成立に向けて取り組んできました。これは始まりにすぎません。大切なのは今後どのように運用されるか、そして逃れてきた人々が日本の支援を頼りにできるかどうかです。`,
    },
  },
  {
    kind: 'news',
    en: {
      slug: 'documentary-screenings',
      date: '2006-05-02',
      title: 'Documentary screenings in four cities',
      summary: 'A film of refugees’ testimonies, followed by a talk and questions.',
      eventStart: '2006-05-20T14:00',
      eventEnd: '2006-05-20T17:00',
      eventPlace: 'Osaka, Sendai, Akita and Tanabe',
      body: `We are showing a documentary of refugees' own testimonies, followed by a talk on what happens to people who are sent back, and time for questions.

The first screening is in Osaka; the film then travels to Sendai, Akita and Tanabe. Entry is free; donations are welcome. The exact rooms are announced to people who [write to us](/en/contact).`,
    },
    ja: {
      slug: 'documentary-screenings',
      date: '2006-05-02',
      title: 'ドキュメンタリー上映会を 4 都市で開催',
      summary: '難民自身の証言を記録した映画の上映と、講演・質疑応答を行います。',
      eventStart: '2006-05-20T14:00',
      eventEnd: '2006-05-20T17:00',
      eventPlace: '大阪、仙台、秋田、田辺',
      body: `難民自身の証言を記録したドキュメンタリー映画を上映し、強制送還された人々がどうなるのかについての講演と質疑応答を行います。

最初の上映は大阪で、その後仙台、秋田、田辺を巡回します。入場無料です（寄付を歓迎します）。会場の詳細は[お問い合わせ](/ja/contact)いただいた方にお知らせします。`,
    },
  },
  {
    kind: 'news',
    en: {
      slug: 'rice-budget',
      date: '2006-04-10',
      title: 'How far 20 yuan goes: our daily food budget',
      summary:
        'Between January and March an average of 20 people a day came to our shelters for food.',
      body: `Between January and March, an average of **20 people a day** — about 600 a month — came to our shelters asking for food.

We allow **500 grams of rice per adult per day**, and a budget of **20 yuan per person** so that each can buy 10 kilograms of rice. With at most 20 people a day, that is 400 yuan (about 6,000 yen) a day and 180,000 yen a month: the limit of what we can raise.

Over the year this came to 30 tonnes of rice-based food in China, and a further 10 tonnes inside North Korea. When more people come than the budget allows, helpers have to turn someone away. A gift of 6,000 yen feeds twenty people for a day.`,
    },
    ja: {
      slug: 'kome-no-yosan',
      date: '2006-04-10',
      title: '20 元でできること：一日の食料予算',
      summary: '1 月から 3 月にかけて、1 日平均 20 人が食料を求めてシェルターを訪れました。',
      body: `1 月から 3 月にかけて、**1 日平均 20 人**（月におよそ 600 人）が食料を求めて私たちのシェルターを訪れました。

私たちは**大人 1 人 1 日 500 グラム**の米を基準とし、1 人が 10 キロの米を買えるよう**1 人 20 元**を予算としています。1 日最大 20 人で 400 元（約 6,000 円）、月 18 万円となり、これが集められる資金の限度です。

1 年間で、中国国内で 30 トン、北朝鮮国内でさらに 10 トンの米を中心とした食料を届けました。予算を超える人数が訪れたときには、協力者は誰かを断らなければなりません。6,000 円のご寄付で、20 人の 1 日分の食料になります。`,
    },
  },
  {
    kind: 'news',
    en: {
      slug: 'aid-worker-released',
      date: '2006-08-25',
      title: 'An aid worker we supported has been released',
      summary:
        'Arrested for helping refugees cross into Mongolia, he was released and deported after fifteen months.',
      body: `An aid worker arrested in China for helping North Koreans reach Mongolia has been released from prison and deported. We supported his family throughout his detention and raised his case with governments and at hearings abroad.

Another aid worker, arrested in 2003 for trying to help refugees leave by boat, is still in prison although he has served most of his sentence. We continue to work for his release.

For their families' sake we do not publish their names here.`,
    },
    ja: {
      slug: 'aid-worker-released',
      date: '2006-08-25',
      title: '支援してきた支援者が釈放されました',
      summary:
        '難民のモンゴルへの脱出を助けたとして逮捕された支援者が、15 か月後に釈放され国外退去となりました。',
      body: `北朝鮮の人々がモンゴルへ逃れるのを助けたとして中国で逮捕された支援者が、刑務所から釈放され、国外退去となりました。私たちは拘束中ずっとご家族を支え、各国政府や海外の公聴会でこの件を訴えてきました。

2003 年に難民の船による脱出を助けようとして逮捕されたもう一人の支援者は、刑期の大半を終えた今も服役中です。釈放に向けて働きかけを続けます。

ご家族への配慮から、ここでは名前を公表していません。`,
    },
  },
  {
    kind: 'news',
    en: {
      slug: 'winter-clothes',
      date: '2005-11-15',
      title: '500 sets of winter clothes reach the shelters',
      summary: 'Thanks to donations in kind and in money, every shelter is ready for winter.',
      body: `Winter in Yanbian reaches −20 °C. Thanks to your gifts, we bought and handed out **500 sets of summer and winter clothes** this year, bought locally so that nothing had to cross a border.

Each shelter also received blankets and a home first-aid kit. Thank you to everyone who gave.`,
    },
    ja: {
      slug: 'winter-clothes',
      date: '2005-11-15',
      title: '500 着分の冬服をシェルターに届けました',
      summary: '物資と寄付金のおかげで、すべてのシェルターが冬を迎える準備を整えました。',
      body: `延辺の冬は氷点下 20 度に達します。皆さまのご寄付により、今年は**夏服と冬服を合わせて 500 着分**を購入して配りました。国境を越える物資が出ないよう、すべて現地で購入しています。

各シェルターには毛布と家庭用の救急セットも届けました。ご協力くださった皆さまに感謝いたします。`,
    },
  },
  {
    kind: 'news',
    en: {
      slug: 'forced-repatriation-continues',
      date: '2006-07-05',
      title: 'Forced repatriations continue',
      summary:
        'China still refuses to recognise North Korean refugees, and those who help them are still arrested.',
      body: `Although it signed the Refugee Convention, China still refuses to recognise that North Korean refugees exist. People who are caught are sent back, and there is no end in sight to the suffering this causes.

This year the head of one of our shelters was detained. The children living there were so frightened that all of them left the education sponsorship plan. We are doing what we can to find them again and to keep the other shelters safe.`,
    },
    ja: {
      slug: 'forced-repatriation-continues',
      date: '2006-07-05',
      title: '強制送還が続いています',
      summary: '中国は今も北朝鮮難民を認めず、彼らを助ける人々の逮捕も続いています。',
      body: `中国は難民条約に加盟しているにもかかわらず、北朝鮮難民の存在を今も認めていません。見つかった人々は送還され、それがもたらす悲劇に終わりは見えません。

今年、私たちのシェルターの責任者の一人が拘束されました。そこで暮らしていた子どもたちはひどくおびえ、全員が里親就学支援制度から離れてしまいました。子どもたちの行方を探し、ほかのシェルターの安全を守るため、できる限りのことをしています。`,
    },
  },
]

export const DEMO_REPORTS: readonly DemoItem[] = [
  {
    kind: 'report',
    fiscalYear: 2005,
    en: {
      slug: 'fy2005-2006',
      date: '2006-09-30',
      title: 'Activity report, fiscal year 2005–2006',
      summary:
        'Shelters, food, schooling, medical aid, resettlement, partnerships and advocacy, April 2005 to March 2006.',
      body: `## The situation

International pressure on the North Korean government grew this year, with a UN resolution on human rights, public hearings at the European Parliament and, in June 2006, Japan's North Korean Human Rights Act. China, however, still refuses to recognise North Korean refugees, and those who protect them continue to be arrested.

## I. Humanitarian rescue

We widened our cooperation with groups and individuals in Asia, North America, Europe and Oceania, and reported on human rights violations and trafficking at international conferences, hearings and symposia. We supported the families of two aid workers imprisoned in China.

## II. Protection

- Three shelters in the Yanbian autonomous prefecture.
- **500 sets** of summer and winter clothes bought and handed out.
- Food for **40 tonnes** a year organised.
- Help with a safe return for about **20 people** who asked to go back, between January and March 2006.

## III. Medical aid

We paid for hospital treatment of a man tortured in North Korea, and handed out **80** home first-aid kits.

## IV. Education sponsorship

The detention of the head of shelter **JRL-01** so frightened the 16 children there that they left the plan. Doubts arose about the running of shelter **YAN-02**; when funding was questioned, the children were released from it, and one of them later reached South Korea. At another shelter a child was arrested on the way home from school and sent back.

| Change during the year | Children |
| --- | ---: |
| Left the plan | 18 |
| Graduated | 2 |
| Joined | 8 |
| In the plan at the end of the year | 20 |

## V. Food

We distributed **30 tonnes** of rice-based food in our shelters in China and **10 tonnes** inside North Korea. From January to March an average of **20 people a day** (600 a month) came for food. At 500 grams of rice per adult per day this comes to 30 tonnes, at a cost of **1.44 million yen**.

Each person receives **20 yuan** to buy 10 kilograms of rice, for at most 20 people a day: 400 yuan (6,000 yen) a day, **180,000 yen a month**, which is the limit of our resources.

## VI. Resettlement

For security reasons, specific names and specific numbers of refugees cannot be shown.

- In several cases, people were given protection by the UNHCR.
- In a number of other cases, people were protected by a Japanese consulate.
- Several others reached safety by other routes.

Those who completed our Japanese classes went on to evening junior high school. We decided to formalise the programme, combining Japanese lessons with the formal education system.

## VII–VIII. Partnerships

We strengthened our ties with Japanese groups working on the abduction issue, which contributed to the passing of the North Korean Human Rights Act, and with international NGOs. Through our English pages we recruited interns; as more people fluent in Chinese and Korean join us, our capabilities will grow.

## IX. Seminars

We screened a documentary of refugees' testimonies in four cities, gave a lecture in a fifth, and presented testimony at two meetings. Our regional work is still not enough: there is a real need to do more.`,
    },
    ja: {
      slug: 'fy2005-2006',
      date: '2006-09-30',
      title: '2005 年度 活動報告',
      summary:
        'シェルター、食料、就学、医療、定住、協力関係、啓発活動（2005 年 4 月〜2006 年 3 月）。',
      body: `## 情勢

今年度は、国連の人権決議、欧州議会の公聴会、そして 2006 年 6 月の日本の北朝鮮人権法の成立など、北朝鮮政府への国際的な圧力が強まりました。しかし中国は今も北朝鮮難民を認めず、彼らを保護する人々の逮捕も続いています。

## I. 人道救援活動

アジア、北米、ヨーロッパ、オセアニアの団体や個人との協力を広げ、国際会議、公聴会、シンポジウムで人権侵害と人身売買について報告しました。中国で服役中の 2 人の支援者の家族を支援しました。

## II. 保護

- 延辺朝鮮族自治州に 3 か所のシェルター。
- 夏服・冬服 **500 着分**を購入して配布。
- 年間 **40 トン**の食料を手配。
- 帰国を希望した約 **20 人**について、2006 年 1 月〜3 月に安全な帰国を支援。

## III. 医療支援

北朝鮮で拷問を受けた男性の入院治療費を負担し、家庭用救急セット **80 個**を配布しました。

## IV. 里親就学支援

シェルター **JRL-01** の責任者が拘束されたことで、そこで暮らす 16 人の子どもたちはおびえ、制度から離れました。シェルター **YAN-02** の運営に疑問が生じ、資金について話し合ったところ、子どもたちはシェルターを離れました。そのうち 1 人は後に韓国へたどり着きました。別のシェルターでは、下校途中の子どもが逮捕され送還されました。

| 年度中の変化 | 人数 |
| --- | ---: |
| 制度を離れた子ども | 18 |
| 卒業 | 2 |
| 新たに登録 | 8 |
| 年度末の在籍 | 20 |

## V. 食料

中国国内のシェルターで **30 トン**、北朝鮮国内で **10 トン**の米を中心とした食料を配布しました。1 月〜3 月には **1 日平均 20 人**（月 600 人）が食料を求めて訪れました。大人 1 日 500 グラムで計算すると 30 トンとなり、費用は **144 万円**でした。

1 人に 10 キロの米を買う費用として **20 元**、1 日最大 20 人までとし、1 日 400 元（6,000 円）、**月 18 万円**が私たちの資金の限度です。

## VI. 定住支援

安全上の理由から、具体的な名前や人数は公表できません。

- 数件で、UNHCR による保護が行われました。
- ほかにも何件か、日本の領事館による保護が行われました。
- ほかに数人が、別の経路で安全な場所へたどり着きました。

日本語教室を修了した人は夜間中学へ進みました。日本語教育と正規の教育制度を組み合わせた形に、教室を整えることを決めました。

## VII〜VIII. 協力関係

拉致問題に取り組む国内の団体との連携を強め、北朝鮮人権法の成立に貢献しました。海外の NGO との協力も深めました。英語のページを通じてインターンを受け入れており、中国語や韓国語が堪能な人が加わるほど、私たちの力は増していきます。

## IX. セミナー・講演

難民の証言を記録したドキュメンタリーを 4 都市で上映し、さらに 1 都市で講演を行い、2 つの集会で証言を紹介しました。地域での活動はまだ十分ではなく、さらに広げる必要があります。`,
    },
  },
]

export const DEMO_FAQ: readonly DemoItem[] = [
  {
    kind: 'faq',
    topic: 'About us',
    position: 1,
    en: {
      slug: 'who-are-you',
      title: 'Who are you?',
      summary: '',
      body: 'An independent group of citizens and volunteers in Japan, founded in 1998, helping North Korean refugees in hiding. We take no government money. See [About us](/en/about).',
    },
    ja: {
      slug: 'who-are-you',
      title: 'どのような団体ですか？',
      summary: '',
      body: '1998 年に設立された、日本の市民とボランティアによる独立した団体で、潜伏する北朝鮮難民を支援しています。政府からの資金は受け取っていません。詳しくは[私たちについて](/ja/about)をご覧ください。',
    },
  },
  {
    kind: 'faq',
    topic: 'About us',
    position: 2,
    en: {
      slug: 'why-no-names',
      title: 'Why do your reports leave out names and numbers?',
      summary: '',
      body: 'Because the people we protect can be arrested and sent back if they are found. A name, a photograph, a place or even an exact number can be enough to trace someone. We publish totals, and shelter codes such as YAN-02, never more.',
    },
    ja: {
      slug: 'why-no-names',
      title: 'なぜ報告書に名前や人数が書かれていないのですか？',
      summary: '',
      body: '私たちが保護している人々は、見つかれば逮捕され送還されるおそれがあるからです。名前、写真、場所、さらには正確な人数だけでも、人をたどる手がかりになりえます。公表するのは合計と、YAN-02 のようなシェルターの記号だけです。',
    },
  },
  {
    kind: 'faq',
    topic: 'Donations and sponsorship',
    position: 1,
    en: {
      slug: 'where-does-money-go',
      title: 'Where does my donation go?',
      summary: '',
      body: 'To food, shelter, schooling and medical care for refugees, and to support for imprisoned aid workers’ families. Our [activity reports](/en/reports/) show what each year cost.',
    },
    ja: {
      slug: 'where-does-money-go',
      title: '寄付金は何に使われますか？',
      summary: '',
      body: '難民の食料、シェルター、就学、医療、そして服役中の支援者の家族への支援に使われます。年度ごとの費用は[活動報告](/ja/reports/)でご覧いただけます。',
    },
  },
  {
    kind: 'faq',
    topic: 'Donations and sponsorship',
    position: 2,
    en: {
      slug: 'pay-online',
      title: 'Can I give by card on this website?',
      summary: '',
      body: 'No. This website never asks for card or bank details. Please use a bank or postal transfer, as explained on [Donate or sponsor](/en/donate).',
    },
    ja: {
      slug: 'pay-online',
      title: 'このサイトでカードで寄付できますか？',
      summary: '',
      body: 'いいえ。このサイトでカードや口座の情報を伺うことはありません。[寄付・里親のお願い](/ja/donate)にある銀行振込または郵便振替をご利用ください。',
    },
  },
  {
    kind: 'faq',
    topic: 'Safety and privacy',
    position: 1,
    en: {
      slug: 'safe-to-write',
      title: 'Is it safe to write to you from China?',
      summary: '',
      body: 'This website loads nothing from other sites and sets no tracking cookies. What you send through the [contact form](/en/contact) is encrypted as soon as it reaches us and can be read only by the few staff members who answer. You do not have to give your name. If someone else may check your device, use a private window.',
    },
    ja: {
      slug: 'safe-to-write',
      title: '中国から連絡しても安全ですか？',
      summary: '',
      body: 'このサイトは他のサイトから何も読み込まず、追跡用のクッキーも使いません。[お問い合わせフォーム](/ja/contact)から送られた内容は、届いた時点で暗号化され、返信を担当するごく少数のスタッフだけが読むことができます。お名前を書く必要はありません。端末を他の人に見られるおそれがある場合は、プライベートウィンドウをお使いください。',
    },
  },
  {
    kind: 'faq',
    topic: 'Volunteering',
    position: 1,
    en: {
      slug: 'volunteer-languages',
      title: 'Can I volunteer if I speak neither Chinese nor Korean?',
      summary: '',
      body: 'Yes. Much of the work is in Japanese or English: seminars, screenings, letters, accounts. Chinese and Korean speakers are especially welcome. [Get involved](/en/get-involved).',
    },
    ja: {
      slug: 'volunteer-languages',
      title: '中国語も韓国語も話せませんが、ボランティアできますか？',
      summary: '',
      body: 'はい。セミナーや上映会、手紙、会計など、日本語や英語でできる仕事もたくさんあります。中国語・韓国語を話せる方は特に歓迎します。[参加する](/ja/get-involved)',
    },
  },
]
