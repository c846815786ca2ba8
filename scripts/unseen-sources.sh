#!/usr/bin/env bash
# unseen-sources.sh DIR: puts the scraped news that the unseen-source
# evaluation of plain-text recovery (articles/testdata/unseen-labels.json,
# TestUnseenSources) is scored on into DIR, from the public repositories
# below at fixed commits. None of it is in the repository or the shared
# corpus, and no recovery rule was written while reading it. Run the test
# with BAO_UNSEEN=DIR.
#
# Each source is cloned from GitHub, or read from a local clone named by
# BAO_MIRRORS/owner+name (a bare or normal clone).
set -euo pipefail
dir=${1:?usage: unseen-sources.sh DIR}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd) # absolute: the CSV is split from the module's root
git_dir() {
	local repo=$1 local="${BAO_MIRRORS:-}/${1/\//+}"
	if [ -n "${BAO_MIRRORS:-}" ] && [ -d "$local" ]; then
		for d in "$local/repo/.git" "$local/repo" "$local/.git" "$local"; do
			[ -e "$d/HEAD" ] && echo "$d" && return
		done
	fi
	local clone="$dir/.git-${repo/\//+}"
	[ -d "$clone" ] || git clone -q --bare "https://github.com/$repo" "$clone"
	echo "$clone"
}

# English: political news articles without title lines, Windows-1252 and
# CRLF (Horne & Adali 2017, "This Just In"), Random Political News, Real;
# and the same authors' Buzzfeed Political News set, Real (2016 election
# stories from BuzzFeed News' study of news on Facebook: CNN, the New York
# Times, Vox, the Washington Post and others), as horne-buzzfeed. The
# other halves of both sets are pages of other sites, in the same layout:
# Random Political News, Fake (hyperpartisan and made-up news sites) as
# horne-fake, and Satire (satirical sites) as horne-satire; Buzzfeed
# Political News, Fake, as horne-buzzfeed-fake.
g=$(git_dir BenjaminDHorne/fakenewsdata1)
git --git-dir "$g" show 874fa896e37baa71ba5502bc1fa5830c640feaaf:Horne2017_FakeNewsData.zip > "$dir/horne.zip"
horne() { # horne FOLDER NAME: one folder of the zip into DIR/NAME
	rm -rf "${dir:?}/$2"
	mkdir -p "$dir/$2"
	(cd "$dir" && unzip -q -o -j horne.zip "Public Data/$1/*" -d "$2")
}
random="Random Poltical News Dataset" # sic
horne "$random/Real" horne-real
horne "Buzzfeed Political News Dataset/Real" horne-buzzfeed
horne "$random/Fake" horne-fake
horne "$random/Satire" horne-satire
horne "Buzzfeed Political News Dataset/Fake" horne-buzzfeed-fake
rm "$dir/horne.zip"

# English: the text newspaper's tests expect extracted from pages of many
# sites (AndyTheFactory/newspaper4k, tests/data/text, at a commit of 2023).
g=$(git_dir AndyTheFactory/newspaper4k)
mkdir -p "$dir/newspaper4k"
for f in $(git --git-dir "$g" ls-tree --name-only 79553f6302cea1a6e36103fb4dc1c675ca704cd3 tests/data/text/); do
	git --git-dir "$g" show "79553f6302cea1a6e36103fb4dc1c675ca704cd3:$f" > "$dir/newspaper4k/$(basename "$f")"
done

# Vietnamese: the VietNews summarisation corpus, word-segmented (syllables
# of a word joined by "_"): title, summary, then one sentence a line
# (ThanhChinhBK/vietnews, data/test_tokenized), the first 200 files.
g=$(git_dir ThanhChinhBK/vietnews)
mkdir -p "$dir/vietnews"
for f in $(git --git-dir "$g" ls-tree --name-only a20d9b7f5d37b95f39f28f08999092f9fa400983 data/test_tokenized/ | head -200); do
	git --git-dir "$g" show "a20d9b7f5d37b95f39f28f08999092f9fa400983:$f" > "$dir/vietnews/$(basename "$f" .seg)"
done
# Vietnamese: the originals of a multi-document summarisation set, as its
# crawler wrote them: "Title:", "Source:", "Link:", "Published Date:",
# "Author:", "Tags:", "Summary:" header lines, then "Content:" and the whole
# body on one line, paragraphs run together (Phenikaa-University/
# Vietnamese-News-Summarization, dataset/raw/News-mds/original; 948 files,
# mostly VnExpress, 2023-2024).
g=$(git_dir Phenikaa-University/Vietnamese-News-Summarization)
c=cc1106ce60c2861bfe202308962308e79b5015a4
rm -rf "$dir/newsmds"
mkdir -p "$dir/newsmds"
for f in $(git --git-dir "$g" ls-tree -r --name-only $c dataset/raw/News-mds/original/); do
	n=${f#dataset/raw/News-mds/original/}
	git --git-dir "$g" show "$c:$f" > "$dir/newsmds/${n%%/*}-$(basename "$f")"
done

# Vietnamese: the article bodies of KTLAB's 200 document clusters (Báo Mới
# pages of many outlets, 2013), one body a file, title-less, paragraphs run
# together on one line (lupanh/VietnameseMDS, KTLAB-200document-clusters.zip,
# clusters/*/*.body.txt).
g=$(git_dir lupanh/VietnameseMDS)
git --git-dir "$g" show 16207757f68c629e5b53fe1d3d42b8ef5b42e99f:KTLAB-200document-clusters.zip > "$dir/ktlab.zip"
rm -rf "$dir/ktlab" "$dir/.ktlab"
mkdir -p "$dir/ktlab" "$dir/.ktlab"
(cd "$dir/.ktlab" && unzip -q ../ktlab.zip 'clusters/*.body.txt')
for f in "$dir"/.ktlab/clusters/*/*.body.txt; do
	c=$(basename "$(dirname "$f")")
	mv "$f" "$dir/ktlab/${c#cluster_}-$(basename "$f" .body.txt).txt"
done
rm -rf "$dir/.ktlab" "$dir/ktlab.zip"

# English: celebrity news collected from the web, a title line and blank
# lines between paragraphs (Pérez-Rosas et al. 2018, "Automatic Detection
# of Fake News", the legitimate half of the celebrity set, as kept in
# pmacinec/fake-news-datasets); its fake half, gossip stories of the
# same years from other sites, as celebrity-fake.
g=$(git_dir pmacinec/fake-news-datasets)
c=0ea4a5ccaf7698cb44ba01855295989a8e26e144
celebrity() { # celebrity HALF NAME: celebrityDataset/HALF into DIR/NAME
	rm -rf "${dir:?}/$2"
	mkdir -p "$dir/$2"
	for f in $(git --git-dir "$g" ls-tree --name-only $c "datasets/deception_detection_fake_news/data/celebrityDataset/$1/"); do
		git --git-dir "$g" show "$c:$f" > "$dir/$2/$(basename "$f")"
	done
}
celebrity legit celebrity
celebrity fake celebrity-fake
# English: the legitimate half of the same authors' news set, articles of
# six sections from mainstream sites (ABC News, CNN, USA Today, the BBC and
# others), a title line and the text, some of it on one line, some in
# paragraphs (FakeNewsAMT, fakeNewsDataset/legit, same repository).
rm -rf "$dir/amtnews"
mkdir -p "$dir/amtnews"
for f in $(git --git-dir "$g" ls-tree --name-only $c datasets/deception_detection_fake_news/data/fakeNewsDataset/legit/); do
	git --git-dir "$g" show "$c:$f" > "$dir/amtnews/$(basename "$f")"
done

# Vietnamese: Dân trí articles of ten sections, 2020, one paragraph a line
# under "# doc_id", "# url" and "# date" header lines, subheadings and
# photo captions as lines of their own (undertheseanlp/resources,
# CP_Vietnamese-UNC, 200 files).
g=$(git_dir undertheseanlp/resources)
c=cbdb3c3ac065d49bd047dc55ad173181f9e846e3
rm -rf "$dir/unc"
mkdir -p "$dir/unc"
for f in $(git --git-dir "$g" ls-tree --name-only $c resources/CP_Vietnamese-UNC/corpus/CP_Vietnamese-UNC/); do
	git --git-dir "$g" show "$c:$f" > "$dir/unc/$(basename "$f")"
done
# English: the sample of FakeNewsCorpus, pages of 29 sites scraped in
# 2017-2018 (beforeitsnews.com, Canada Free Press, the Washington Examiner,
# AlterNet, Newsmax and others), each row's content one page's text with
# blank lines between paragraphs and the site's widgets left in, no title
# line (several27/FakeNewsCorpus, news_sample.csv), a file for each row,
# named by its id.
g=$(git_dir several27/FakeNewsCorpus)
rm -rf "$dir/fakenewscorpus"
git --git-dir "$g" show c39d26e5a8cb492dbe9450399d15fe8c37e69bce:news_sample.csv |
	(cd "$(dirname "$0")/.." && go run ./cmd/corpusfiles -csv -name id -text content -dir "$dir/fakenewscorpus")
# Vietnamese: the real half of VFND, the Vietnamese fake news dataset,
# articles of VnExpress, Tuổi Trẻ, Thanh Niên, Zing and Dân trí (2017-2018)
# as a scraper extracted their text: one paragraph a line or blank lines
# between, captions, images' alternative text, related links and
# signatures left in, no title line (thanhhocse96/vfnd-vietnamese-fake-
# news-datasets, Article_Contents/Real/*.json, the "text" field). Its fake
# half, the same scraper's text of other sites (tinvn.info, thoibao.today,
# thoibao.de, tintucqpvn.net, phapluat.news and a dozen more, 2017-2018),
# comes out as vfnd-fake.
g=$(git_dir thanhhocse96/vfnd-vietnamese-fake-news-datasets)
c=8328a84cb1248d38a55e8f2f3976df56fba57768
vfnd() { # vfnd HALF NAME: Article_Contents/HALF into DIR/NAME
	rm -rf "${dir:?}/$2" "$dir/.$2"
	mkdir -p "$dir/.$2"
	for f in $(git --git-dir "$g" ls-tree --name-only $c "Article_Contents/$1/" | grep '\.json$'); do
		git --git-dir "$g" show "$c:$f" > "$dir/.$2/$(basename "$f")"
	done
	(cd "$(dirname "$0")/.." && go run ./cmd/corpusfiles -json -text text -dir "$dir/$2" "$dir/.$2"/*.json)
	rm -rf "$dir/.$2"
}
vfnd Real vfnd
vfnd Fake vfnd-fake
# English: 230 US news pages of March 2023 (CBS, HuffPost, Vox, NPR, the
# Chicago Tribune, LAist and 46 other sites) as the newspaper library
# extracted their text, from a study of language models' metalinguistic
# judgements (jennhu/metalinguistic-prompting, datasets/exp1/news/
# cleaned.csv): each file is the row's title, URL and date as header
# lines, then the extracted text, named by row number.
g=$(git_dir jennhu/metalinguistic-prompting)
rm -rf "$dir/newsdata"
git --git-dir "$g" show 89d1b526d0ef0b955b886a9cee50883eeaee8e76:datasets/exp1/news/cleaned.csv |
	(cd "$(dirname "$0")/.." && go run ./cmd/corpusfiles -csv -name '#' -header title=Title,url=URL,published_date_gmt=Date -text raw_text -dir "$dir/newsdata")
# English: the five sample articles of RealNews, news pages of five sites
# (2013-2016) from Common Crawl as the newspaper library extracted them
# (rowanz/grover, realnews/realnews_tiny.jsonl): title, URL and date as
# header lines, then the text, named by record number.
g=$(git_dir rowanz/grover)
rm -rf "$dir/realnews"
git --git-dir "$g" show f59a206a8722357c351eae9e937b9f7a53bfda61:realnews/realnews_tiny.jsonl |
	(cd "$(dirname "$0")/.." && go run ./cmd/corpusfiles -jsonl -name '#' -header title=Title,url=URL,publish_date=Date -text text -dir "$dir/realnews")
# English: McIntire's fake and real news set (2016 US election stories of
# many sites, title and text as scraped), in the copy of
# samyaksand/Fake-News-Detection, fake_or_real_news.csv: the 99 rows with
# an id that parse, named by id, the title as a header line. The copy's
# rows are ragged and most have no id; only those with one are written.
g=$(git_dir samyaksand/Fake-News-Detection)
rm -rf "$dir/mcintire"
git --git-dir "$g" show bd35ebc8037210a11c298bd989be99d424d9e07b:fake_or_real_news.csv |
	(cd "$(dirname "$0")/.." && go run ./cmd/corpusfiles -csv -name '' -header title=Title -text text -dir "$dir/mcintire")
# English: the real halves of FakeNewsNet's PolitiFact and BuzzFeed sets,
# in the copy of pmacinec/fake-news-datasets: September 2016 pages of
# Politico, CNN, ABC News, Occupy Democrats and a dozen other sites, as the
# newspaper library extracted them (the two sets share sites, not pages).
# Each JSON file's title and URL are header lines over its text; the file
# is named after the JSON file. The fake halves (FakeNewsContent: pages of
# the sites that spread the stories fact-checkers rated false) come out
# the same way as politifact-fake and buzzfeednet-fake.
g=$(git_dir pmacinec/fake-news-datasets)
c=0ea4a5ccaf7698cb44ba01855295989a8e26e144
fakenewsnet() { # fakenewsnet SET NAME [HALF]: Data/SET/HALFNewsContent into DIR/NAME
	local p=datasets/fake_news_net/data/FakeNewsNet-old-version/Data/$1/${3:-Real}NewsContent
	rm -rf "$dir/$2" "$dir/.$2"
	mkdir -p "$dir/.$2"
	for f in $(git --git-dir "$g" ls-tree --name-only $c $p/ | grep '\.json$'); do
		git --git-dir "$g" show "$c:$f" > "$dir/.$2/$(basename "$f")"
	done
	(cd "$(dirname "$0")/.." && go run ./cmd/corpusfiles -json -header title=Title,url=URL -text text -dir "$dir/$2" "$dir/.$2"/*.json)
	rm -rf "$dir/.$2"
}
fakenewsnet PolitiFact politifact
fakenewsnet BuzzFeed buzzfeednet
fakenewsnet PolitiFact politifact-fake Fake
fakenewsnet BuzzFeed buzzfeednet-fake Fake

# English: article text that extractors took from 181 saved pages of some
# 130 sites, news mostly, in the Article Extraction Benchmark
# (scrapinghub/article-extraction-benchmark, output/NAME.json; the newer
# files wrap the pages in "output"), one file a page, named after the
# page's id. trafilatura (2.0.0): one paragraph a
# line, no header, a title line only where the extractor kept one.
# boilerpipe (ArticleExtractor): one block a line, with the headline,
# time stamps, credits and captions it kept. readability (readability-lxml):
# paragraphs between blank lines, no headline. go_domdistiller (Chrome's
# reader mode, in Go): the standfirst, the byline and date line, credits,
# captions and buttons, blank lines where pictures were. dragnet: one
# block a line, captions and credits and the page's other blocks among
# them, no headline. newspaper (newspaper3k): paragraphs between blank
# lines, headings and link lines kept, no headline. dom_smoothie: text
# rendered from its Markdown, hard-wrapped at 80 columns, with pictures'
# descriptions in brackets, headings marked with #, link references
# numbered and listed at the end. Diffbot: one block a line, with the
# widgets a page embeds among them (a calculator's every label). Needs
# jq.
g=$(git_dir scrapinghub/article-extraction-benchmark)
aeb() { # aeb NAME: output/NAME.json into DIR/NAME
	rm -rf "${dir:?}/$1"
	git --git-dir "$g" show "4a3bc979f76c0df73cb95fe272e2fc1b96f9f010:output/$1.json" |
		jq -c '(.output // .) | to_entries[] | {id: .key, text: .value.articleBody}' |
		(cd "$(dirname "$0")/.." && go run ./cmd/corpusfiles -jsonl -name id -text text -dir "$dir/$1")
}
aeb trafilatura
aeb boilerpipe
aeb readability
aeb go_domdistiller
aeb dragnet
aeb newspaper
aeb dom_smoothie
aeb Diffbot
echo "sources in $dir: $(ls "$dir" | tr '\n' ' ')"
