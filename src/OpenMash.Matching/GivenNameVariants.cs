namespace OpenMash.Matching;

/// <summary>Common English given-name variants and nicknames. Each line is one group of names that agencies use
/// for the same person; a name may sit in several groups (Alex: Alexander or Alexandra).</summary>
public static class GivenNameVariants
{
    private const string Table = """
        alexander alex alec alexa sandy xander lex zander
        alexandra alex alexa lexi lexie sandra sasha sandy
        alfred alfie alf fred freddie
        andrew andy drew
        anthony tony ant antony
        archibald archie
        arthur art artie
        benjamin ben benny benji
        bradley brad
        callum cal calum
        catherine cathy kate katie kathryn katherine kathy cath kat kitty katy
        charles charlie chas chuck charley
        charlotte charlie lottie lotti char
        christopher chris kit topher
        christine chris chrissy christina tina
        daniel dan danny
        david dave davy davey
        deborah debbie debs debra
        dominic dom
        edward ed eddie ted teddy ned
        elizabeth liz lizzie beth betty eliza libby elsie lisa bess bessie betsy lizzy elspeth
        eleanor ellie nell nellie elle elena
        emily em emmy millie
        emma em emmie
        francesca fran frankie chesca
        francis frank frankie fran
        frederick fred freddie freddy
        gabriel gabe gabby
        gabriella gabby ella gabriela
        george georgie
        georgina georgie gina
        harriet hattie harry
        henry harry hal hank
        isabella bella izzy isabelle isobel issy
        isabel bella izzy isobel isabelle
        jacob jake jakey
        james jim jimmy jamie jim jimbo
        jennifer jen jenny jenna
        jessica jess jessie
        john jack johnny jon johnnie jock
        jonathan jon jonny nathan
        joseph joe joey
        joshua josh
        katherine kate katie kathy kat kitty
        lawrence larry laurie
        leonard leo len lenny
        leo leon leonardo
        louis lou louie lewis
        lucy lu lucia
        madeleine maddie madeline madison maddy
        margaret maggie meg peggy maisie marge daisy madge greta rita
        matilda tilly tilda mattie
        matthew matt matty
        michael mike mikey mick micky mickey
        mohammed muhammad mohammad mohamed muhammed mo
        natalie nat
        nathaniel nathan nat
        nicholas nick nicky nico
        nicola nicky nikki nicole
        oliver ollie olly
        olivia liv livvy ollie
        patrick pat paddy
        penelope penny
        peter pete
        philip phil pip phillip
        rebecca becky becca bex
        richard rich richie rick ricky dick
        robert rob robbie bob bobby bert
        ronald ron ronnie
        samantha sam sammy
        samuel sam sammy
        sarah sara sally sadie
        sebastian seb bastian
        sophia sophie soph
        stephen steve stevie steven stephan
        susan sue susie suzanne suzie
        theodore theo ted teddy
        thomas tom tommy
        timothy tim timmy
        victoria vicky tori vic
        william will bill billy liam willie willy
        zachary zach zack zac
        agnes aggie nessie
        albert bert bertie al
        ambrose brose
        anne annie nan nancy nanny ann anna
        augustus gus gussie
        barbara barb babs bobbie
        beatrice bea trixie bee
        cuthbert cuddy bert
        dorothy dot dottie dolly dora
        edmund ed eddie ned ted
        edith edie
        eleanor nora norah
        florence flo florrie flossie
        frances fanny fran frankie
        geoffrey geoff jeff
        gilbert gil bert
        harold harry hal
        helen nell nellie lena
        henrietta etta hetty nettie
        hugh hughie hugo
        humphrey humph
        jane jenny jennie jean janet
        louisa lou lulu louise
        mabel mab mabs
        mary molly polly mae mamie may maria marie
        matilda maud maude tilda tilly
        nathaniel nat nate
        oswald oz ozzie
        patricia pat patty trish tricia
        percival percy
        ralph rafe
        roger rodge
        rupert ru
        walter walt wat
        winifred winnie freda
        abigail abby gail
        alan al
        albert al bertie
        donald don donnie
        douglas doug
        gregory greg
        kenneth ken kenny
        raymond ray
        ronald ronnie ron
        terence terry
        """;

    private static readonly List<string> FormalByGroup = [];
    private static readonly Dictionary<string, int[]> Groups = Build();

    /// <summary>The group numbers a normalised given name belongs to; empty when it is in no group.</summary>
    public static IReadOnlyList<int> GroupsOf(string normalisedName) =>
        Groups.TryGetValue(normalisedName, out var g) ? g : [];

    /// <summary>True when two normalised given names are variants of each other (share a group).</summary>
    public static bool AreVariants(string a, string b)
    {
        if (!Groups.TryGetValue(a, out var ga) || !Groups.TryGetValue(b, out var gb))
        {
            return false;
        }

        foreach (var x in ga)
        {
            if (Array.IndexOf(gb, x) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every name sharing a group with the given one, itself excluded.</summary>
    public static IReadOnlyList<string> VariantsOf(string normalisedName) =>
        Groups.TryGetValue(normalisedName, out var g)
            ? [.. Groups.Where(kv => kv.Key != normalisedName && kv.Value.Any(g.Contains)).Select(kv => kv.Key).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>The first (formal) name of each group the name is in, used as a blocking key so that Bob meets Robert.</summary>
    public static IEnumerable<string> FormalNames(string normalisedName) =>
        Groups.TryGetValue(normalisedName, out var g) ? g.Select(i => FormalByGroup[i]) : [];

    private static Dictionary<string, int[]> Build()
    {
        var map = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var lines = Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var g = 0; g < lines.Length; g++)
        {
            var names = lines[g].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            FormalByGroup.Add(names[0]);
            foreach (var n in names.Distinct(StringComparer.Ordinal))
            {
                if (!map.TryGetValue(n, out var list))
                {
                    map[n] = list = [];
                }

                list.Add(g);
            }
        }

        return map.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }
}
